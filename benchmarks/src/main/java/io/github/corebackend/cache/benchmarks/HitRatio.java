package io.github.corebackend.cache.benchmarks;

import javax.cache.Cache;

/**
 * Replays the same skewed trace through each provider's bounded cache (get, and put on a miss) and
 * prints the hit ratios side by side, with the ratio to Caffeine's. Deterministic: one thread, one
 * seed.
 */
public final class HitRatio {

  private HitRatio() {}

  /** Prints a table of hit ratios for a few cache sizes and skews. */
  public static void main(String[] args) {
    int keySpace = 1_000_000;
    int requests = 2_000_000;
    System.out.printf("%-10s %-6s %-9s %10s %10s %10s %10s%n", "capacity", "skew", "", "UNIFIED", "CAFFEINE",
        "EHCACHE", "CACHE2K");
    for (double skew : new double[] {0.7, 0.9}) {
      Integer[] trace = new ZipfTrace(keySpace, skew, 11).keys(requests);
      for (int capacity : new int[] {1_000, 10_000, 100_000}) {
        double[] ratios = new double[Provider.values().length];
        for (Provider provider : Provider.values()) {
          ratios[provider.ordinal()] = hitRatio(provider, capacity, trace);
        }
        System.out.printf("%-10d %-6.1f %-9s %9.2f%% %9.2f%% %9.2f%% %9.2f%%%n", capacity, skew, "hit ratio",
            100 * ratios[0], 100 * ratios[1], 100 * ratios[2], 100 * ratios[3]);
        System.out.printf("%-10s %-6s %-9s %10.3f %10.3f %10.3f %10.3f%n", "", "", "vs Caffeine",
            ratios[0] / ratios[1], 1.0, ratios[2] / ratios[1], ratios[3] / ratios[1]);
      }
    }
  }

  private static double hitRatio(Provider provider, int capacity, Integer[] trace) {
    Cache<Integer, Integer> cache = provider.createCache("hit-ratio-" + capacity, capacity);
    try {
      long hits = 0;
      for (Integer key : trace) {
        if (cache.get(key) != null) {
          hits++;
        } else {
          cache.put(key, key);
        }
      }
      return (double) hits / trace.length;
    } finally {
      Provider.close(cache);
    }
  }
}
