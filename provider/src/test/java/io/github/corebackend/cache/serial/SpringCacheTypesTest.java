package io.github.corebackend.cache.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.cache.support.NullValue;

/**
 * What Spring's cache abstraction puts into the caches it creates with {@code Object} types comes back
 * from a remote store through every serializer, with no allow-list entry: its stand-in for a cached
 * {@code null} as the very instance Spring compares with, and the keys of methods with several
 * arguments, whose arguments still pass the allow-list.
 */
class SpringCacheTypesTest {

  /** An argument class no allow-list names. */
  public static final class Filter implements Serializable {
    private static final long serialVersionUID = 1L;
    public String text = "x";
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "json", "msgpack"})
  void aCachedNullComesBackAsSpringsOneInstance(String serializer) {
    Serializer remote = SerializerFixtures.remote(serializer, Object.class);
    assertSame(NullValue.INSTANCE, remote.deserialize(remote.serialize(NullValue.INSTANCE)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "json", "msgpack"})
  void aKeyOfSeveralArgumentsRoundTrips(String serializer) {
    Serializer remote = SerializerFixtures.remote(serializer, Object.class);
    for (SimpleKey key : List.of(new SimpleKey("isbn", 42L, LocalDate.of(2026, 12, 1), null, 1.5),
        new SimpleKey(List.of("a", "b"), true), SimpleKey.EMPTY)) {
      Object back = remote.deserialize(remote.serialize(key));
      assertEquals(key, back);
      assertEquals(key.hashCode(), back.hashCode(), "the hash code is recomputed");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "json", "msgpack"})
  void anArgumentOfAClassNobodyAllowedIsStillRefused(String serializer) {
    Serializer remote = SerializerFixtures.remote(serializer, Object.class);
    byte[] bytes = remote.serialize(new SimpleKey("a", new Filter()));
    CacheSerializationException refused = assertThrows(CacheSerializationException.class,
        () -> remote.deserialize(bytes));
    assertTrue(String.valueOf(refused.getMessage()).contains(Filter.class.getName()), refused.getMessage());
  }
}
