package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.serial.CacheSerializationException;
import io.github.corebackend.cache.serial.SampleValues.EntitySnapshot;
import io.github.corebackend.cache.serial.SampleValues.Person;
import io.github.corebackend.cache.serial.SampleValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every serializer gives back what it was given, through a whole cache: on the memory backend (where
 * store-by-value copies go through it), on the redis backend (where the bytes live in Redis) and on
 * the near backend (both).
 */
class SerializerRoundTripTest {

  private static final RedisTestServer SERVER = RedisTestServer.shared();
  private static final String SAMPLES = "io.github.corebackend.cache.serial.*";

  private final List<CacheManager> managers = new ArrayList<>();

  @AfterEach
  void closeManagers() {
    for (CacheManager manager : managers) {
      manager.getCacheNames().forEach(manager::destroyCache);
      manager.close();
    }
  }

  static Stream<Arguments> backendsAndSerializers() {
    return Stream.of("memory", "redis", "near").flatMap(backend -> Stream.of("jdk", "json", "msgpack")
        .map(serializer -> Arguments.of(backend, serializer)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("backendsAndSerializers")
  void anUntypedCacheGivesBackEqualValuesOfTheSameClass(String backend, String serializer) {
    Cache<Object, Object> cache = manager(backend, serializer).createCache("things", new MutableConfiguration<>());
    List<Object> values = SampleValues.untypedValues();
    for (int i = 0; i < values.size(); i++) {
      cache.put(i, values.get(i));
    }

    for (int pass = 0; pass < 2; pass++) { // the second pass reads the near backend's copies
      for (int i = 0; i < values.size(); i++) {
        Object value = values.get(i);
        Object read = cache.get(i);
        if (value instanceof long[] array) {
          assertArrayEquals(array, (long[]) read);
        } else {
          assertEquals(value, read, value.getClass().getName());
          assertEquals(value.getClass(), read.getClass(), value.toString());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("backendsAndSerializers")
  void aTypedCacheGivesBackItsRecordsAndKeys(String backend, String serializer) {
    Cache<Person, Person> people = manager(backend, serializer).createCache("people",
        new MutableConfiguration<Person, Person>().setTypes(Person.class, Person.class));
    Person ada = SampleValues.person();

    people.put(ada, ada);
    Person read = people.get(SampleValues.person());

    assertEquals(ada, read);
    assertNotSame(ada, read);
    assertEquals(Map.of(ada, ada), people.getAll(java.util.Set.of(ada)));
    assertEquals(Person.class, people.iterator().next().getKey().getClass());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void hibernateLikeEntriesWithoutDefaultConstructorsNeedTheJdkSerializer(String backend) {
    Cache<String, EntitySnapshot> entries = manager(backend, "jdk").createCache("entities",
        new MutableConfiguration<>());

    entries.put("Person#1", SampleValues.entitySnapshot());

    assertEquals(SampleValues.entitySnapshot(), entries.get("Person#1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void jacksonCannotTakeThemAndSaysWhichCacheKeyAndType(String serializer) {
    Cache<String, Object> entries = manager("redis", serializer).createCache("entities",
        new MutableConfiguration<>());

    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> entries.put("Person#1", SampleValues.entitySnapshot()));

    assertFalse(entries.containsKey("Person#1"));
    assertTrue(e.getMessage().contains("'entities'"), e.getMessage());
    assertTrue(e.getMessage().contains("key Person#1"), e.getMessage());
    assertTrue(e.getMessage().contains(EntitySnapshot.class.getName()), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "json", "msgpack"})
  void redisReadsBackOnlyAllowedClasses(String serializer) {
    Cache<String, Object> strict = manager("redis", serializer, "cache.serializer.allow-list", "")
        .createCache("strict", new MutableConfiguration<>());
    strict.put("ada", SampleValues.person());

    CacheSerializationException e = assertThrows(CacheSerializationException.class, () -> strict.get("ada"));

    assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
    assertTrue(e.getMessage().contains(Person.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains("'strict'") && e.getMessage().contains("key ada"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "json", "msgpack"})
  void aCachesDeclaredTypeIsAllowedWithoutAnAllowList(String serializer) {
    Cache<String, Person> people = manager("redis", serializer, "cache.serializer.allow-list", "")
        .createCache("people", new MutableConfiguration<String, Person>().setTypes(String.class, Person.class));

    people.put("ada", SampleValues.person());

    assertEquals(SampleValues.person(), people.get("ada"));
  }

  private CacheManager manager(String backend, String serializer, String... more) {
    List<String> settings = new ArrayList<>(List.of("cache.backend", backend, "cache.serializer", serializer,
        "cache.serializer.allow-list", SAMPLES));
    settings.addAll(List.of(more));
    CacheManager manager = RedisTestManagers.create(SERVER.url(), settings.toArray(String[]::new));
    managers.add(manager);
    return manager;
  }
}
