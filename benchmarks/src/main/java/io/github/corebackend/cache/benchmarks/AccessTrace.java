package io.github.corebackend.cache.benchmarks;

/** The key sequences the hit-ratio simulation replays, each sized for a cache capacity. */
enum AccessTrace {
  /** Zipf with skew 0.8 over a million keys. */
  ZIPF_0_8 {
    @Override
    Integer[] keys(int capacity, int length) {
      return new ZipfTrace(KEY_SPACE, 0.8, 11).keys(length);
    }
  },
  /** Zipf with skew 0.99 over a million keys. */
  ZIPF_0_99 {
    @Override
    Integer[] keys(int capacity, int length) {
      return new ZipfTrace(KEY_SPACE, 0.99, 13).keys(length);
    }
  },
  /** A loop over one and a half times the capacity: the pattern that defeats LRU entirely. */
  LOOP {
    @Override
    Integer[] keys(int capacity, int length) {
      int loop = capacity + capacity / 2;
      Integer[] keys = new Integer[length];
      for (int i = 0; i < length; i++) {
        keys[i] = i % loop;
      }
      return keys;
    }
  },
  /**
   * Zipf 0.99 interrupted, after every five capacities' worth of requests, by a scan of as many
   * never-seen keys as the cache holds (a batch job or a crawler walking the data).
   */
  ZIPF_WITH_SCANS {
    @Override
    Integer[] keys(int capacity, int length) {
      Integer[] zipf = new ZipfTrace(KEY_SPACE, 0.99, 17).keys(length);
      Integer[] keys = new Integer[length];
      int period = 6 * capacity;
      int scanned = KEY_SPACE;
      int next = 0;
      for (int i = 0; i < length; i++) {
        keys[i] = i % period < 5 * capacity ? zipf[next++] : scanned++;
      }
      return keys;
    }
  };

  private static final int KEY_SPACE = 1_000_000;

  /** {@code length} keys for a cache of {@code capacity} entries. */
  abstract Integer[] keys(int capacity, int length);
}
