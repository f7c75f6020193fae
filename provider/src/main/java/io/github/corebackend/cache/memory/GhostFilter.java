package io.github.corebackend.cache.memory;

import org.jspecify.annotations.Nullable;

/**
 * Remembers the hashes of recently evicted keys, about {@code capacity} of them, in fixed memory:
 * a direct-mapped table of fingerprints stamped with an insertion counter, where an entry older than
 * {@code capacity} insertions counts as forgotten. Collisions simply overwrite, which at worst makes
 * the policy forget a key early.
 */
final class GhostFilter {

  private final int capacity;
  /** Both {@code null} until the first eviction, and again after {@link #clear()}. */
  private int @Nullable [] fingerprints;
  private int @Nullable [] stamps;
  private int mask;
  private int clock;

  GhostFilter(long capacity) {
    this.capacity = (int) Math.max(1, Math.min(capacity, 1 << 24));
  }

  void add(int hash) {
    if (fingerprints == null || stamps == null) {
      // Allocated at the first eviction: most caches never reach their bound.
      int size = Integer.highestOneBit(capacity - 1 | 1) << 1;
      fingerprints = new int[size];
      stamps = new int[size];
      mask = size - 1;
    }
    int mixed = mix(hash);
    int index = mixed & mask;
    fingerprints[index] = mixed | 1;
    stamps[index] = ++clock;
  }

  boolean contains(int hash) {
    if (fingerprints == null || stamps == null) {
      return false;
    }
    int mixed = mix(hash);
    int index = mixed & mask;
    return fingerprints[index] == (mixed | 1) && clock - stamps[index] < capacity;
  }

  void clear() {
    fingerprints = null;
    stamps = null;
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
