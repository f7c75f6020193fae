package io.github.corebackend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.management.CacheStatisticsBean;
import io.github.corebackend.cache.spi.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads against one cache; invariants are checked once they stop. */
class CacheConcurrencyStressTest {

  private static final int THREADS = 8;
  private static final int OPERATIONS = 30_000;

  private final UnifiedCacheManager manager =
      TestManagers.create(TimeSource.SYSTEM, "cache.memory.max-items", "1000");

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void boundAndStatisticsHoldUnderMixedLoad() throws Exception {
    UnifiedCache<Integer, String> cache = TestManagers.unified(manager.createCache("mixed", new MutableConfiguration<Integer, String>()
        .setStatisticsEnabled(true)));
    LongAdder hits = new LongAdder();
    LongAdder misses = new LongAdder();
    LongAdder puts = new LongAdder();
    LongAdder removals = new LongAdder();

    Concurrently.run(THREADS, Duration.ofMinutes(2), thread -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < OPERATIONS; i++) {
        int key = random.nextInt(5_000);
        switch (random.nextInt(4)) {
          case 0:
          case 1:
            (cache.get(key) == null ? misses : hits).increment();
            break;
          case 2:
            cache.put(key, "v" + key);
            puts.increment();
            break;
          default:
            if (cache.remove(key)) {
              removals.increment();
            }
        }
      }
    });

    CacheStatisticsBean statistics = cache.statistics();
    assertTrue(cache.size() <= 1000, "size " + cache.size());
    assertTrue(statistics.getCacheEvictions() > 0, "the load must have pushed the cache past its bound");
    assertEquals(hits.sum(), statistics.getCacheHits());
    assertEquals(misses.sum(), statistics.getCacheMisses());
    assertEquals(hits.sum() + misses.sum(), statistics.getCacheGets());
    assertEquals(puts.sum(), statistics.getCachePuts());
    assertEquals(removals.sum(), statistics.getCacheRemovals());
    for (Cache.Entry<Integer, String> entry : cache) {
      assertEquals("v" + entry.getKey(), entry.getValue());
    }
  }

  @Test
  void invokeLosesNoIncrement() throws Exception {
    Cache<String, Long> cache = manager.createCache("counters", new MutableConfiguration<>());

    Concurrently.run(THREADS, Duration.ofMinutes(2), thread -> {
      for (int i = 0; i < OPERATIONS; i++) {
        cache.invoke("counter-" + (i % 5), (entry, args) -> {
          entry.setValue(entry.exists() ? entry.getValue() + 1 : 1L);
          return null;
        });
      }
    });

    long total = 0;
    for (int i = 0; i < 5; i++) {
      total += cache.get("counter-" + i);
    }
    assertEquals((long) THREADS * OPERATIONS, total);
  }

  @Test
  void synchronousListenersSeeEachKeysChangesInTheOrderTheyHappened() throws Exception {
    ChainCheckingListener.reset();
    Cache<Integer, Long> cache = manager.createCache("ordered", new MutableConfiguration<Integer, Long>()
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(ChainCheckingListener.class), null, true, true)));
    AtomicLong values = new AtomicLong();

    Concurrently.run(THREADS, Duration.ofMinutes(2), thread -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < OPERATIONS / 4; i++) {
        int key = random.nextInt(4);
        if (random.nextInt(10) == 0) {
          cache.remove(key);
        } else {
          cache.put(key, values.incrementAndGet());
        }
      }
    });

    List<String> breaks = ChainCheckingListener.breaks;
    assertTrue(breaks.isEmpty(), breaks.size() + " events arrived out of order, first: "
        + breaks.subList(0, Math.min(5, breaks.size())));
    for (int key = 0; key < 4; key++) {
      assertEquals(cache.get(key), ChainCheckingListener.last.get(key), "last event of key " + key);
    }
  }
}
