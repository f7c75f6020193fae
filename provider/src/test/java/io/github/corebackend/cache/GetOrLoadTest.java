package io.github.corebackend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.memory.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoaderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GetOrLoadTest {

  private static final int THREADS = 16;

  private final UnifiedCacheManager manager = TestManagers.create(new ManualClock());

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void concurrentCallersOfOneKeyRunTheLoaderOnceAndAllGetItsValue() throws Exception {
    Cache<String, String> cache = cache();
    CountDownLatch arrived = new CountDownLatch(THREADS);
    AtomicInteger loads = new AtomicInteger();
    List<String> results = new CopyOnWriteArrayList<>();

    Concurrently.run(THREADS, Duration.ofSeconds(30), thread -> {
      arrived.countDown();
      results.add(GetOrLoad.get(cache, "k", key -> {
        loads.incrementAndGet();
        awaitOthers(arrived);
        return "loaded " + key;
      }));
    });

    assertEquals(1, loads.get(), "one load for " + THREADS + " callers");
    assertEquals(THREADS, results.size());
    assertTrue(results.stream().allMatch("loaded k"::equals), results.toString());
    assertEquals("loaded k", cache.get("k"));
  }

  @Test
  void aFailingLoadReachesEveryWaitingCallerAndKeepsNothing() throws Exception {
    Cache<String, String> cache = cache();
    CountDownLatch arrived = new CountDownLatch(THREADS);
    AtomicInteger loads = new AtomicInteger();
    IllegalStateException failure = new IllegalStateException("database down");
    List<Throwable> failures = new CopyOnWriteArrayList<>();

    Concurrently.run(THREADS, Duration.ofSeconds(30), thread -> {
      arrived.countDown();
      try {
        GetOrLoad.get(cache, "k", key -> {
          loads.incrementAndGet();
          awaitOthers(arrived);
          throw failure;
        });
      } catch (CacheLoaderException e) {
        failures.add(e);
      }
    });

    assertEquals(1, loads.get());
    assertEquals(THREADS, failures.size(), "every caller saw the failure");
    for (Throwable e : failures) {
      Throwable root = e.getCause() instanceof CacheLoaderException ? e.getCause().getCause() : e.getCause();
      assertSame(failure, root, e.toString());
      assertTrue(e.getMessage().contains("'values'") && e.getMessage().contains("key k"), e.getMessage());
    }
    assertFalse(cache.containsKey("k"), "a failure is not cached");
    assertEquals("second try", GetOrLoad.get(cache, "k", key -> "second try"));
  }

  @Test
  void aPresentValueIsReturnedWithoutLoading() {
    Cache<String, String> cache = cache();
    cache.put("k", "cached");

    assertEquals("cached", GetOrLoad.get(cache, "k", key -> {
      throw new AssertionError("must not load");
    }));
  }

  @Test
  void aNullFromTheLoaderKeepsNothing() {
    Cache<String, String> cache = cache();

    assertNull(GetOrLoad.get(cache, "k", key -> null));
    assertFalse(cache.containsKey("k"));
  }

  @Test
  void aLoadedValueFiresACreatedEventAndCountsAMiss() {
    Cache<String, String> cache = manager.createCache("events", new MutableConfiguration<String, String>()
        .setStatisticsEnabled(true));
    RecordingListener<String, String> listener = new RecordingListener<>();
    cache.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
        FactoryBuilder.factoryOf(listener), null, false, true));

    GetOrLoad.get(cache, "k", key -> "v");

    assertEquals(List.of("CREATED k null->v"), listener.events);
    assertEquals(1, cache.unwrap(UnifiedCache.class).statistics().getCacheMisses());
  }

  @Test
  void aLoaderAskingForItsOwnKeyFailsInsteadOfWaitingForItself() {
    Cache<String, String> cache = cache();

    CacheLoaderException e = assertThrows(CacheLoaderException.class,
        () -> GetOrLoad.get(cache, "k", key -> GetOrLoad.get(cache, key, again -> "never")));

    assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
    assertTrue(e.getCause().getMessage().contains("asked for the same key"), e.getCause().getMessage());
  }

  @Test
  void aClosedCacheRefuses() {
    Cache<String, String> cache = cache();
    cache.close();

    assertThrows(IllegalStateException.class, () -> GetOrLoad.get(cache, "k", key -> "v"));
  }

  private Cache<String, String> cache() {
    return manager.createCache("values", new MutableConfiguration<String, String>().setTypes(String.class,
        String.class));
  }

  private static void awaitOthers(CountDownLatch arrived) {
    try {
      // Every caller has reached the cache; give the others time to find the running load.
      assertTrue(arrived.await(10, TimeUnit.SECONDS));
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
