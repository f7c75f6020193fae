package io.github.corebackend.cache.benchmarks;

import java.util.Map;
import java.util.Set;

/**
 * The operations the benchmarks measure, so that JCache providers and raw clients or maps are driven
 * by the same code. Only one implementation is loaded in a benchmark fork, so the calls stay
 * monomorphic.
 */
public interface BenchmarkCache<K, V> extends AutoCloseable {

  /** The value of {@code key}, or null. */
  V get(K key);

  /** Stores {@code value} under {@code key}. */
  void put(K key, V value);

  /** The values of {@code keys} that are present. */
  Map<K, V> getAll(Set<K> keys);

  /** Stores all {@code entries}. */
  void putAll(Map<K, V> entries);

  /** Releases the cache and whatever client or manager it opened. */
  @Override
  void close();
}
