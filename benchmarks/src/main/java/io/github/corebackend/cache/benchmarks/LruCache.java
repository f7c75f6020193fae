package io.github.corebackend.cache.benchmarks;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A textbook least-recently-used cache (an access-ordered {@link LinkedHashMap}), single-threaded:
 * the baseline of the hit-ratio simulation.
 */
final class LruCache<K, V> implements BenchmarkCache<K, V> {

  private final Map<K, V> entries;

  LruCache(int capacity) {
    entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public V get(K key) {
    return entries.get(key);
  }

  @Override
  public void put(K key, V value) {
    entries.put(key, value);
  }

  @Override
  public Map<K, V> getAll(Set<K> keys) {
    Map<K, V> found = new HashMap<>();
    for (K key : keys) {
      V value = entries.get(key);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  @Override
  public void putAll(Map<K, V> added) {
    added.forEach(this::put);
  }

  @Override
  public void close() {
    entries.clear();
  }
}
