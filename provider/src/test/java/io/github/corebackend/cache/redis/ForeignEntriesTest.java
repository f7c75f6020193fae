package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.serial.CacheSerializationException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bytes this provider did not write, planted under a cache's keys: values without the expiry header,
 * values and keys of other types than the cache declares, and keys of other Redis types. A read of
 * one such entry fails naming it; a write over it replaces it; nothing whole-cache stops at it.
 */
class ForeignEntriesTest {

  private static final RedisTestServer SERVER = RedisTestServer.shared();

  private static RedisClient client;
  private static StatefulRedisConnection<byte[], byte[]> connection;

  private final String namespace = "foreign-" + UUID.randomUUID();
  private CacheManager manager;

  @BeforeAll
  static void connect() {
    client = RedisClient.create(SERVER.url());
    connection = client.connect(ByteArrayCodec.INSTANCE);
  }

  @AfterAll
  static void disconnect() {
    connection.close();
    client.shutdown();
  }

  @AfterEach
  void closeManager() {
    if (manager != null) {
      manager.getCacheNames().forEach(manager::destroyCache);
      manager.close();
    }
  }

  @Test
  void aPutOverBytesWithoutAHeaderInACacheWithExpiryStoresAReadableValue() {
    Cache<String, String> cache = cache("expiring", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 5))));
    redis().set(redisKey("expiring", "k"), "not written by the cache at all".getBytes(StandardCharsets.UTF_8));

    CacheSerializationException unreadable = assertThrows(CacheSerializationException.class, () -> cache.get("k"));
    assertTrue(unreadable.getMessage().contains("'expiring'") && unreadable.getMessage().contains("key k"),
        unreadable.getMessage());

    cache.put("k", "fresh");
    assertEquals("fresh", cache.get("k"));
    assertTrue(cache.replace("k", "fresher"));
    assertEquals("fresher", cache.get("k"));
  }

  @Test
  void iterationAndRemoveAllGetPastUnreadableValuesAndKeys() {
    Cache<Integer, String> cache = cache("mixed", new MutableConfiguration<Integer, String>()
        .setTypes(Integer.class, String.class));
    for (int i = 0; i < 5; i++) {
      cache.put(i, "v" + i);
    }
    byte[] corruptValueKey = serializedKey("mixed", 100);
    redis().set(corruptValueKey, PlantedBytes.withEternalHeader(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x73, 0x72}));
    redis().set(serializedKey("mixed", 101), PlantedBytes.withEternalHeader(PlantedBytes.javaSerialized(42L)));
    byte[] stringKey = redisKey("mixed", "not-an-integer");
    redis().set(stringKey, PlantedBytes.withEternalHeader(PlantedBytes.javaSerialized("planted")));

    Set<Integer> iterated = new HashSet<>();
    cache.forEach(entry -> iterated.add(entry.getKey()));
    assertEquals(Set.of(0, 1, 2, 3, 4), iterated, "readable entries only, the String key never handed out");

    cache.removeAll();

    for (int i = 0; i < 5; i++) {
      assertFalse(cache.containsKey(i));
    }
    assertEquals(0L, redis().exists(corruptValueKey), "an entry whose key is readable is removed, value or not");
    assertEquals(1L, redis().exists(stringKey), "a key of another type is no entry of this cache; clear() takes it");
    cache.clear();
    assertEquals(0L, redis().exists(stringKey));
  }

  @Test
  void aValueOfAnotherTypeThanDeclaredIsNeverHandedOut() {
    Cache<String, String> cache = cache("typed", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class));
    redis().set(redisKey("typed", "k"), PlantedBytes.withEternalHeader(PlantedBytes.javaSerialized(42)));
    cache.put("good", "value");

    CacheSerializationException e = assertThrows(CacheSerializationException.class, () -> cache.get("k"));
    assertTrue(e.getMessage().contains("java.lang.Integer") && e.getMessage().contains("java.lang.String")
        && e.getMessage().contains("key k"), e.getMessage());
    assertThrows(CacheSerializationException.class, () -> cache.getAll(Set.of("k", "good")));
    List<String> values = new ArrayList<>();
    cache.forEach(entry -> values.add(entry.getValue()));
    assertEquals(List.of("value"), values);
  }

  @Test
  void aKeyHoldingAnotherRedisTypeIsNoEntryAndAPutReplacesIt() {
    Cache<String, String> cache = cache("listed", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 5))));
    byte[] listKey = redisKey("listed", "k");
    redis().rpush(listKey, "a".getBytes(StandardCharsets.UTF_8));

    assertNull(cache.get("k"));
    assertFalse(cache.containsKey("k"));
    assertFalse(cache.remove("k"));
    assertFalse(cache.replace("k", "v"));
    Boolean seen = cache.invoke("k", (entry, args) -> entry.exists());
    assertFalse(seen);
    assertEquals("list", redis().type(listKey), "nothing that sees no entry touches the key");

    cache.put("k", "v");
    assertEquals("v", cache.get("k"));
  }

  @Test
  void aReplacedValueThatCannotBeReadReachesListenersAsNotAvailable() {
    Cache<String, String> cache = cache("heard", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class));
    Heard.EVENTS.clear();
    cache.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
        FactoryBuilder.factoryOf(Heard.class), null, true, true));
    redis().set(redisKey("heard", "put"), PlantedBytes.withEternalHeader("garbage".getBytes(StandardCharsets.UTF_8)));
    redis().set(redisKey("heard", "getAndPut"), PlantedBytes.withEternalHeader("garbage".getBytes(StandardCharsets.UTF_8)));
    redis().set(redisKey("heard", "removed"), PlantedBytes.withEternalHeader("garbage".getBytes(StandardCharsets.UTF_8)));

    cache.put("put", "one");
    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> cache.getAndPut("getAndPut", "two"));
    assertTrue(cache.remove("removed"));

    assertTrue(e.getMessage().contains("getAndPut of key getAndPut was applied"), e.getMessage());
    assertEquals("one", cache.get("put"));
    assertEquals("two", cache.get("getAndPut"));
    assertEquals(List.of("UPDATED put old-available=false", "UPDATED getAndPut old-available=false",
        "REMOVED removed old-available=false"), Heard.EVENTS);
  }

  @Test
  void anEnormousKeyMakesAMessageOfReadableLength() {
    manager = RedisTestManagers.create(SERVER.url(), "cache.namespace", namespace,
        "cache.redis.max-value-size", "1kb");
    Cache<String, byte[]> cache = manager.createCache("long", new MutableConfiguration<String, byte[]>()
        .setTypes(String.class, byte[].class));
    String key = "k".repeat(1_000_000);

    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> cache.put(key, new byte[2_000]));

    assertTrue(e.getMessage().length() < 500, "a message of " + e.getMessage().length() + " characters");
    assertTrue(e.getMessage().contains("(1000000 characters)"), e.getMessage());
  }

  /** Records what listeners hear, with whether the old value was available. */
  public static final class Heard implements CacheEntryUpdatedListener<String, String>,
      CacheEntryRemovedListener<String, String> {
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      record(events);
    }

    @Override
    public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      record(events);
    }

    private static void record(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      for (CacheEntryEvent<? extends String, ? extends String> event : events) {
        EVENTS.add(event.getEventType() + " " + event.getKey() + " old-available=" + event.isOldValueAvailable());
      }
    }
  }

  private <K, V> Cache<K, V> cache(String name, MutableConfiguration<K, V> configuration) {
    manager = RedisTestManagers.create(SERVER.url(), "cache.namespace", namespace);
    return manager.createCache(name, configuration);
  }

  private static RedisCommands<byte[], byte[]> redis() {
    return connection.sync();
  }

  private byte[] redisKey(String cacheName, String key) {
    return (namespace + ":" + cacheName + ":" + key).getBytes(StandardCharsets.UTF_8);
  }

  /** The Redis key of a key that is not a String: a 0xFF byte, then the key serialized. */
  private byte[] serializedKey(String cacheName, Object key) {
    byte[] prefix = (namespace + ":" + cacheName + ":").getBytes(StandardCharsets.UTF_8);
    byte[] body = PlantedBytes.javaSerialized(key);
    byte[] redisKey = new byte[prefix.length + 1 + body.length];
    System.arraycopy(prefix, 0, redisKey, 0, prefix.length);
    redisKey[prefix.length] = (byte) 0xFF;
    System.arraycopy(body, 0, redisKey, prefix.length + 1, body.length);
    return redisKey;
  }
}
