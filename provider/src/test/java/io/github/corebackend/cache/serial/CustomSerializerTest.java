package io.github.corebackend.cache.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.config.CacheSettings;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CustomSerializerTest {

  private final ClassLoader loader = getClass().getClassLoader();

  /** Writes strings backwards; records what it was built for. */
  public static final class Reversing implements Serializer {
    static final AtomicReference<SerializerContext> LAST = new AtomicReference<>();

    public Reversing(SerializerContext context) {
      LAST.set(context);
    }

    @Override
    public byte[] serialize(Object value) {
      return new StringBuilder(value.toString()).reverse().toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object deserialize(byte[] bytes) {
      return new StringBuilder(new String(bytes, StandardCharsets.UTF_8)).reverse().toString();
    }
  }

  /** Has no usable constructor. */
  public static final class Unbuildable implements Serializer {
    private Unbuildable() {}

    @Override
    public byte[] serialize(Object value) {
      return new byte[0];
    }

    @Override
    public Object deserialize(byte[] bytes) {
      return null;
    }
  }

  @Test
  void aClassNameSelectsACustomSerializerBuiltForTheCache() {
    Serializer serializer = Serializers.forRemoteStore(settings(Reversing.class.getName()), "words", String.class,
        loader);

    assertEquals("olleh", new String(serializer.serialize("hello"), StandardCharsets.UTF_8));
    assertEquals("hello", serializer.deserialize(serializer.serialize("hello")));
    assertEquals("words", Reversing.LAST.get().cacheName());
    assertEquals(String.class, Reversing.LAST.get().type());
    assertTrue(Reversing.LAST.get().allowList().allows("java.lang.String"));
  }

  @Test
  void classesThatCannotServeAreNamedInTheError() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Serializers.requireAvailable("com.example.Missing", loader));
    IllegalArgumentException notOne = assertThrows(IllegalArgumentException.class,
        () -> Serializers.requireAvailable(String.class.getName(), loader));
    IllegalArgumentException unbuildable = assertThrows(IllegalArgumentException.class,
        () -> Serializers.forCopies(settings(Unbuildable.class.getName()), "c", Object.class, loader));

    assertTrue(missing.getMessage().contains("com.example.Missing is not on the classpath"), missing.getMessage());
    assertTrue(notOne.getMessage().contains("does not implement " + Serializer.class.getName()),
        notOne.getMessage());
    assertTrue(unbuildable.getMessage().contains("needs a public constructor"), unbuildable.getMessage());
  }

  private static CacheSettings settings(String serializer) {
    Properties properties = new Properties();
    properties.setProperty("cache.serializer", serializer);
    return CacheSettings.resolve(properties, new Properties(), Map.of());
  }
}
