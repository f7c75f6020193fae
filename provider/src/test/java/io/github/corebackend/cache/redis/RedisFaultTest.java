package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.Concurrently;
import io.github.corebackend.cache.UnifiedCachingProvider;
import io.github.corebackend.cache.spi.CacheBackendException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/** A Redis that dies, comes back, or is shared by two providers; each test owns its server. */
class RedisFaultTest {

  @Test
  void aServerKilledUnderLoadFailsCallsWithinTheTimeoutAndIsUsedAgainOnceBack() throws Exception {
    try (RedisTestServer server = RedisTestServer.startOwn();
        CacheManager manager = RedisTestManagers.create(server.url(), "cache.redis.read-timeout", "400ms",
            "cache.redis.write-timeout", "100ms")) {
      Cache<Integer, String> cache = manager.createCache("fragile", new MutableConfiguration<>());
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong slowest = new AtomicLong();
      AtomicLong failures = new AtomicLong();
      ConcurrentHashMap<String, Throwable> unexpected = new ConcurrentHashMap<>();
      ExecutorService threads = Executors.newFixedThreadPool(6);
      List<Future<?>> load = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        load.add(threads.submit(() -> {
          for (int i = 0; running.get(); i++) {
            long start = System.nanoTime();
            try {
              cache.put(i % 100, "v" + i);
              cache.get(i % 100);
            } catch (CacheBackendException expected) {
              failures.incrementAndGet();
            } catch (Throwable other) {
              unexpected.put(other.getClass().getName(), other);
            }
            slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
          }
        }));
      }
      Thread.sleep(300);
      server.kill();
      Thread.sleep(1_500);
      running.set(false);
      for (Future<?> thread : load) {
        thread.get(10, TimeUnit.SECONDS);
      }
      threads.shutdown();

      assertEquals(java.util.Map.of(), unexpected, "only CacheBackendException may come out");
      assertTrue(failures.get() > 0, "the dead server must have failed some calls");
      assertTrue(slowest.get() < TimeUnit.MILLISECONDS.toNanos(2 * 500 + 1_000),
          "slowest pair of calls took " + TimeUnit.NANOSECONDS.toMillis(slowest.get()) + " ms");

      server.restart();
      assertRecovers(cache);
    }
  }

  @Test
  void twoProvidersWithTheirOwnClientsLoseNoIncrement() throws Exception {
    try (RedisTestServer server = RedisTestServer.startOwn()) {
      String namespace = "shared-" + UUID.randomUUID();
      List<CacheManager> managers = List.of(manager(server, namespace), manager(server, namespace));
      List<Cache<String, Long>> caches = new ArrayList<>();
      for (CacheManager manager : managers) {
        caches.add(manager.createCache("counters", new MutableConfiguration<>()));
      }
      Concurrently.run(4, Duration.ofMinutes(5), thread -> {
        Cache<String, Long> cache = caches.get(thread % 2);
        for (int i = 0; i < 2_500; i++) {
          cache.invoke("counter", (entry, args) -> {
            entry.setValue(entry.exists() ? entry.getValue() + 1 : 1L);
            return null;
          });
        }
      });

      assertEquals(10_000L, caches.get(0).get("counter"));
      assertEquals(10_000L, caches.get(1).get("counter"));
      managers.forEach(CacheManager::close);
    }
  }

  private static CacheManager manager(RedisTestServer server, String namespace) {
    Properties properties = new Properties();
    properties.setProperty("cache.backend", "redis");
    properties.setProperty("cache.redis.url", server.url());
    properties.setProperty("cache.namespace", namespace);
    return new UnifiedCachingProvider().getCacheManager(URI.create("fault:" + UUID.randomUUID()), null, properties);
  }

  private static void assertRecovers(Cache<Integer, String> cache) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      try {
        cache.put(1, "back");
        assertEquals("back", cache.get(1));
        return;
      } catch (CacheBackendException stillReconnecting) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("The cache did not recover after Redis came back", stillReconnecting);
        }
        Thread.sleep(100);
      }
    }
  }
}
