package io.github.corebackend.cache.benchmarks;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Replays the same traces through a bounded cache of ours, of Caffeine's JCache and a plain LRU (a
 * get, and a put on a miss) and prints the hit ratios side by side. Deterministic: one thread, fixed
 * seeds.
 */
public final class HitRatio {

  /** The caches compared. */
  enum Contender {
    UNIFIED(capacity -> MemoryPeer.UNIFIED.open("hit-ratio", capacity)),
    CAFFEINE_JCACHE(capacity -> MemoryPeer.CAFFEINE_JCACHE.open("hit-ratio", capacity)),
    LRU(LruCache::new);

    private final IntFunction<BenchmarkCache<Integer, Object>> factory;

    Contender(IntFunction<BenchmarkCache<Integer, Object>> factory) {
      this.factory = factory;
    }
  }

  private static final int[] CAPACITIES = {1_000, 10_000, 100_000};

  private HitRatio() {}

  /** Prints the table; the argument is the number of requests per trace (2,000,000 by default). */
  public static void main(String[] args) {
    print(args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000);
  }

  /** Replays every trace with {@code requests} requests at every capacity and prints the table. */
  static void print(int requests) {
    System.out.printf("%nHit ratio (%,d requests per trace; get, then put on a miss)%n", requests);
    System.out.printf("%-16s %9s %9s %16s %9s %14s %14s%n", "trace", "capacity", "UNIFIED", "CAFFEINE_JCACHE",
        "LRU", "vs Caffeine", "vs LRU");
    for (AccessTrace trace : AccessTrace.values()) {
      for (int capacity : CAPACITIES) {
        Integer[] keys = trace.keys(capacity, requests);
        Map<Contender, Double> ratios = new EnumMap<>(Contender.class);
        for (Contender contender : Contender.values()) {
          ratios.put(contender, hitRatio(contender.factory.apply(capacity), keys));
        }
        double ours = ratios.get(Contender.UNIFIED);
        System.out.printf("%-16s %,9d %8.2f%% %15.2f%% %8.2f%% %+11.2f pt %+11.2f pt%n", trace, capacity,
            100 * ours, 100 * ratios.get(Contender.CAFFEINE_JCACHE), 100 * ratios.get(Contender.LRU),
            100 * (ours - ratios.get(Contender.CAFFEINE_JCACHE)), 100 * (ours - ratios.get(Contender.LRU)));
      }
    }
  }

  private static double hitRatio(BenchmarkCache<Integer, Object> cache, Integer[] trace) {
    try (cache) {
      long hits = 0;
      for (Integer key : trace) {
        if (cache.get(key) != null) {
          hits++;
        } else {
          cache.put(key, key);
        }
      }
      return (double) hits / trace.length;
    }
  }
}
