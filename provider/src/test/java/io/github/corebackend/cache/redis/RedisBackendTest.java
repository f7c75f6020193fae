package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.GetOrLoad;
import io.github.corebackend.cache.UnifiedCache;
import io.github.corebackend.cache.serial.CacheSerializationException;
import io.github.corebackend.cache.spi.CacheBackendException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The redis backend through the JCache API, against a real server. */
class RedisBackendTest {

  private static final RedisTestServer SERVER = RedisTestServer.shared();
  private final List<CacheManager> managers = new ArrayList<>();

  @AfterEach
  void closeManagers() {
    for (CacheManager manager : managers) {
      if (!manager.isClosed()) {
        for (String name : manager.getCacheNames()) {
          manager.destroyCache(name);
        }
        manager.close();
      }
    }
  }

  @Test
  void entriesLiveUnderNamespaceCacheAndKey() {
    String namespace = "tenant-" + System.nanoTime();
    Cache<String, String> users = manager("cache.namespace", namespace)
        .createCache("users", new MutableConfiguration<>());

    users.put("123", "alice");

    String key = namespace + ":users:123";
    assertEquals(":1", SERVER.command("EXISTS", key));
    assertTrue(SERVER.command("GET", key).endsWith("alice"), "the value follows its expiry header");
    assertEquals(":-1", SERVER.command("PTTL", key), "an eternal entry has no TTL");
  }

  @Test
  void tenantsSharingOneRedisNeverSeeOrClearEachOthersKeys() {
    Cache<String, String> tenant1 = manager("cache.namespace", "t1-" + System.nanoTime())
        .createCache("users", new MutableConfiguration<>());
    Cache<String, String> tenant2 = manager("cache.namespace", "t2-" + System.nanoTime())
        .createCache("users", new MutableConfiguration<>());
    tenant1.put("alice", "tenant 1");
    tenant2.put("alice", "tenant 2");

    assertEquals("tenant 1", tenant1.get("alice"));
    assertEquals("tenant 2", tenant2.get("alice"));
    tenant1.clear();

    assertNull(tenant1.get("alice"));
    assertEquals("tenant 2", tenant2.get("alice"));
  }

  @Test
  void theJcacheOperationsBehaveAsInMemory() {
    Cache<Long, String> cache = manager().createCache("ops", new MutableConfiguration<Long, String>()
        .setTypes(Long.class, String.class).setStatisticsEnabled(true));

    cache.putAll(Map.of(1L, "one", 2L, "two", 3L, "three"));
    assertEquals(Map.of(1L, "one", 3L, "three"), cache.getAll(Set.of(1L, 3L, 4L)));
    assertEquals("one", cache.getAndPut(1L, "uno"));
    assertTrue(cache.replace(1L, "uno", "eins"));
    assertFalse(cache.replace(1L, "uno", "un"));
    assertTrue(cache.remove(2L, "two"));
    assertEquals("three", cache.getAndRemove(3L));
    assertEquals(6, (int) cache.invoke(1L, (entry, args) -> entry.getValue().length() + 2));

    Set<Long> keys = new HashSet<>();
    cache.forEach(entry -> keys.add(entry.getKey()));
    assertEquals(Set.of(1L), keys, "non-String keys come back from iteration");
    cache.removeAll();
    assertFalse(cache.containsKey(1L));
    UnifiedCache<?, ?> unified = cache.unwrap(UnifiedCache.class);
    assertEquals(9, unified.statistics().getCacheHits(), "getAll 2, five conditional or get-and writes, invoke, "
        + "iteration");
    assertEquals(1, unified.statistics().getCacheMisses());
  }

  @Test
  void expiredEntriesAreReportedWithTheirValueWhenAReadFindsThem() throws Exception {
    ExpiredRecorder.events.clear();
    Cache<String, String> cache = manager().createCache("expiring", new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 300)))
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(ExpiredRecorder.class), null, true, true)));
    cache.put("k", "v");
    assertEquals("v", cache.get("k"));

    Thread.sleep(400);

    assertNull(cache.get("k"));
    assertEquals(List.of("k=v"), ExpiredRecorder.events);
  }

  @Test
  void accessExpiryIsExtendedByReadsInTheSameRoundTrip() throws Exception {
    Cache<String, String> cache = manager().createCache("accessed", new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 600))));
    cache.put("k", "v");
    for (int i = 0; i < 4; i++) {
      Thread.sleep(300);
      assertEquals("v", cache.get("k"), "read " + i);
    }
    Thread.sleep(800);
    assertNull(cache.get("k"));
  }

  @Test
  void corruptBytesUnderAKeyAreAnErrorNamingTheCacheAndKeyNeverAMiss() {
    String namespace = "corrupt-" + System.nanoTime();
    Cache<String, String> cache = manager("cache.namespace", namespace)
        .createCache("fragile", new MutableConfiguration<>());
    SERVER.command("SET", namespace + ":fragile:no-header", "garbage");
    SERVER.command("SET", namespace + ":fragile:bad-payload", "9000000000000000garbage");

    CacheSerializationException noHeader = assertThrows(CacheSerializationException.class,
        () -> cache.get("no-header"));
    CacheSerializationException badPayload = assertThrows(CacheSerializationException.class,
        () -> cache.get("bad-payload"));

    assertTrue(noHeader.getMessage().contains("Cache 'fragile'"), noHeader.getMessage());
    assertTrue(noHeader.getMessage().contains("key no-header"), noHeader.getMessage());
    assertTrue(badPayload.getMessage().contains("key bad-payload"), badPayload.getMessage());
    assertEquals(":1", SERVER.command("EXISTS", namespace + ":fragile:bad-payload"), "nothing was lost");
  }

  @Test
  void onlyAllowedClassesAreDeserialized() {
    Cache<String, Object> strict = manager().createCache("strict", new MutableConfiguration<>());
    strict.put("thing", new Thing("x"));

    CacheSerializationException e = assertThrows(CacheSerializationException.class, () -> strict.get("thing"));
    assertTrue(e.getMessage().contains("not allowed"), e.getMessage());

    Cache<String, Object> allowing = manager("cache.serializer.allow-list", "io.github.corebackend.cache.redis.*")
        .createCache("allowing", new MutableConfiguration<>());
    allowing.put("thing", new Thing("y"));
    assertEquals(new Thing("y"), allowing.get("thing"));
  }

  @Test
  void getOrLoadKeepsTheLoadedValueInRedisForOtherJvms() {
    String namespace = "load-" + System.nanoTime();
    Cache<String, String> first = manager("cache.namespace", namespace).createCache("users",
        new MutableConfiguration<>());
    Cache<String, String> second = manager("cache.namespace", namespace).createCache("users",
        new MutableConfiguration<>());

    assertEquals("loaded 7", GetOrLoad.get(first, "7", key -> "loaded " + key));

    assertEquals("loaded 7", GetOrLoad.get(second, "7", key -> {
      throw new AssertionError("the other JVM's load is in Redis");
    }));
  }

  @Test
  void storeByReferenceIsRefusedAsUnsupported() {
    CacheManager manager = manager();

    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () ->
        manager.createCache("by-reference", new MutableConfiguration<>().setStoreByValue(false)));

    assertTrue(e.getMessage().contains("'by-reference'"), e.getMessage());
    assertFalse(manager.getCacheNames().iterator().hasNext());
  }

  @Test
  void oneCacheCanLiveInRedisWhileTheOthersStayInMemory() {
    String namespace = "mixed-" + System.nanoTime();
    CacheManager manager = manager("cache.backend", "memory", "cache.backend.sessions", "redis",
        "cache.namespace", namespace);
    Cache<String, String> sessions = manager.createCache("sessions", new MutableConfiguration<>());
    Cache<String, String> local = manager.createCache("local", new MutableConfiguration<>());

    sessions.put("s", "in redis");
    local.put("l", "in memory");

    assertEquals(":1", SERVER.command("EXISTS", namespace + ":sessions:s"));
    assertEquals(":0", SERVER.command("EXISTS", namespace + ":local:l"));
    assertEquals("in memory", local.get("l"));
  }

  @Test
  void aRedisThatIsNotThereFailsOperationsNamingTheAddressAndOperation() throws Exception {
    int port = RedisTestServer.freePort();
    CacheManager manager = RedisTestManagers.create("redis://127.0.0.1:" + port);
    Cache<String, String> cache = manager.createCache("unreachable", new MutableConfiguration<>());

    long start = System.nanoTime();
    CacheBackendException e = assertThrows(CacheBackendException.class, () -> cache.get("k"));

    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "failed within the timeouts");
    assertTrue(e.getMessage().contains("Cache 'unreachable'"), e.getMessage());
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    assertTrue(e.getMessage().contains("get of key k failed") && e.getMessage().contains("connect"), e.getMessage());

    try (RedisTestServer late = RedisTestServer.startOwn(port, List.of())) {
      assertEquals(port, late.port());
      cache.put("k", "v");
      assertEquals("v", cache.get("k"), "the same cache works once Redis is there");
      manager.close();
    }
  }

  @Test
  void aBadRedisAddressFailsTheManagerCreationNamingTheSetting() {
    javax.cache.CacheException e = assertThrows(javax.cache.CacheException.class,
        () -> RedisTestManagers.create("memcached://somewhere:11211"));
    assertTrue(e.getMessage().contains("cache.redis.url (CACHE_REDIS_URL) 'memcached://somewhere:11211'"),
        e.getMessage());
    assertTrue(e.getMessage().contains("redis-cluster://"), e.getMessage());
  }

  private CacheManager manager(String... settings) {
    CacheManager manager = RedisTestManagers.create(SERVER.url(), settings);
    managers.add(manager);
    return manager;
  }

  /** A value of a class that is not on the default allow-list. */
  record Thing(String name) implements Serializable {}

  /** Records the expired events it receives. */
  public static final class ExpiredRecorder implements CacheEntryExpiredListener<String, String>, Serializable {
    static final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends String>> expired) {
      for (CacheEntryEvent<? extends String, ? extends String> event : expired) {
        events.add(event.getKey() + "=" + event.getValue());
      }
    }
  }
}
