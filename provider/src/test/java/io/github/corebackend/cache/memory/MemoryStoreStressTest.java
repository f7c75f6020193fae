package io.github.corebackend.cache.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.Concurrently;
import io.github.corebackend.cache.copy.Copier;
import io.github.corebackend.cache.spi.EntryExpiry;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.RecordingEvents;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.TimeSource;
import io.github.corebackend.cache.spi.WriteOp;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Many threads on one store; invariants are checked once they stop. */
class MemoryStoreStressTest {

  private static final int THREADS = 8;
  private static final int OPERATIONS = 50_000;

  @Test
  void boundedStoreStaysWithinItsBoundUnderMixedLoad() throws Exception {
    RecordingEvents<Integer, Integer> observer = new RecordingEvents<>();
    MemoryStore<Integer, Integer> store = new MemoryStore<>(500, Copier.IDENTITY, TimeSource.SYSTEM, observer);
    EntryExpiry expiry = FixedExpiry.accessed(60_000);

    Concurrently.run(THREADS, Duration.ofMinutes(2), thread -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < OPERATIONS; i++) {
        int key = random.nextInt(5_000);
        switch (random.nextInt(6)) {
          case 0:
          case 1:
            store.get(key, Facts.unobserved(expiry));
            break;
          case 2:
            store.write(key, WriteOp.put(key, false), Facts.unobserved(expiry));
            break;
          case 3:
            store.write(key, WriteOp.putIfAbsent(key), Facts.unobserved(expiry));
            break;
          case 4:
            store.write(key, WriteOp.remove(false), Facts.unobserved(expiry));
            break;
          default:
            store.write(key, WriteOp.replaceIfEqual(key, key), Facts.unobserved(expiry));
        }
      }
    });

    assertTrue(store.size() <= 500, "size " + store.size());
    assertTrue(observer.evicted.size() > 0, "the load must have pushed the store past its bound");
    int live = 0;
    var iterator = store.iterator(Facts.UNOBSERVED_ETERNAL);
    while (iterator.hasNext()) {
      var entry = iterator.next();
      assertEquals(entry.getKey(), entry.getValue(), "a value was stored under another key");
      live++;
    }
    assertEquals(store.size(), live);
  }

  @Test
  void concurrentIncrementsThroughComputeAreNeverLost() throws Exception {
    MemoryStore<String, Long> store = new MemoryStore<>(0, Copier.IDENTITY, TimeSource.SYSTEM,
        StoreEvents.none());

    Concurrently.run(THREADS, Duration.ofMinutes(2), thread -> {
      for (int i = 0; i < OPERATIONS; i++) {
        String key = "counter-" + (i % 4);
        store.compute(key, slot -> {
          long next = slot.exists() ? slot.value() + 1 : 1;
          slot.put(next, slot.exists() ? EntryExpiry.UNCHANGED : EntryExpiry.ETERNAL);
          return next;
        }, Facts.UNOBSERVED_ETERNAL);
      }
    });

    long total = 0;
    for (int i = 0; i < 4; i++) {
      total += store.get("counter-" + i, Facts.UNOBSERVED_ETERNAL);
    }
    assertEquals((long) THREADS * OPERATIONS, total);
  }
}
