package io.github.corebackend.cache.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.copy.Copier;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.RecordingEvents;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.WriteOp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemoryStoreEvictionTest {

  private final ManualClock clock = new ManualClock();

  @Test
  void neverHoldsMoreThanTheBoundAndReportsEveryEviction() {
    RecordingEvents<Integer, Integer> observer = new RecordingEvents<>();
    MemoryStore<Integer, Integer> store = new MemoryStore<>(100, Copier.IDENTITY, clock, observer);

    for (int i = 0; i < 1_000; i++) {
      put(store, i);
      assertTrue(store.size() <= 100, "size " + store.size() + " after " + i);
    }

    assertEquals(100, store.size());
    assertEquals(900, observer.evicted.size());
  }

  @Test
  void entriesReadAgainSurviveAScanOfOneHitWonders() {
    MemoryStore<Integer, Integer> store = new MemoryStore<>(100, Copier.IDENTITY, clock, StoreEvents.none());
    for (int hot = 0; hot < 50; hot++) {
      put(store, hot);
      store.get(hot, Facts.UNOBSERVED_ETERNAL);
    }

    for (int scan = 1_000; scan < 2_000; scan++) {
      put(store, scan);
    }

    int survivors = 0;
    for (int hot = 0; hot < 50; hot++) {
      if (store.containsKey(hot)) {
        survivors++;
      }
    }
    // An LRU cache of the same size would have lost all 50 hot entries to the scan.
    assertEquals(50, survivors);
  }

  @Test
  void hitRatioOnASkewedWorkloadIsAtLeastLrus() {
    int capacity = 500;
    ZipfKeys keys = new ZipfKeys(20_000, 0.9, 42);
    MemoryStore<Integer, Integer> store = new MemoryStore<>(capacity, Copier.IDENTITY, clock, StoreEvents.none());
    Map<Integer, Integer> lru = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
        return size() > capacity;
      }
    };
    int storeHits = 0;
    int lruHits = 0;
    int requests = 200_000;
    for (int i = 0; i < requests; i++) {
      int key = keys.next();
      if (store.get(key, Facts.UNOBSERVED_ETERNAL) != null) {
        storeHits++;
      } else {
        put(store, key);
      }
      if (lru.get(key) != null) {
        lruHits++;
      } else {
        lru.put(key, key);
      }
    }

    double storeRatio = (double) storeHits / requests;
    double lruRatio = (double) lruHits / requests;
    assertTrue(storeRatio >= lruRatio, "S3-FIFO " + storeRatio + " vs LRU " + lruRatio);
  }

  @Test
  void evictedKeysThatReturnSoonAreAdmittedToTheMainQueue() {
    MemoryStore<Integer, Integer> store = new MemoryStore<>(10, Copier.IDENTITY, clock, StoreEvents.none());
    for (int i = 0; i < 10; i++) {
      put(store, i);
    }
    put(store, 100);
    assertTrue(!store.containsKey(0), "the oldest unread entry went first");

    put(store, 0);
    for (int i = 200; i < 208; i++) {
      put(store, i);
    }

    assertTrue(store.containsKey(0), "a ghost hit goes to the main queue, which a new scan does not flush");
  }

  @Test
  void removedEntriesLeaveTheQueuesSoTheyNeverGrowPastTheBound() {
    RecordingEvents<Integer, Integer> observer = new RecordingEvents<>();
    MemoryStore<Integer, Integer> store = new MemoryStore<>(10, Copier.IDENTITY, clock, observer);
    for (int i = 0; i < 10_000; i++) {
      put(store, i);
      store.write(i, WriteOp.remove(false), Facts.UNOBSERVED_ETERNAL);
    }
    for (int i = 0; i < 10; i++) {
      put(store, i);
    }

    assertEquals(10, store.size());
    assertEquals(0, observer.evicted.size(), "nothing was over the bound, so nothing was evicted");
  }

  private static void put(MemoryStore<Integer, Integer> store, int key) {
    store.write(key, WriteOp.put(key, false), Facts.UNOBSERVED_ETERNAL);
  }

  /** Keys drawn from a Zipf distribution, deterministically. */
  static final class ZipfKeys {
    private final double[] cumulative;
    private final Random random;

    ZipfKeys(int n, double skew, long seed) {
      cumulative = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += 1 / Math.pow(i + 1, skew);
        cumulative[i] = sum;
      }
      for (int i = 0; i < n; i++) {
        cumulative[i] /= sum;
      }
      random = new Random(seed);
    }

    int next() {
      int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
      return index >= 0 ? index : -index - 1;
    }
  }
}
