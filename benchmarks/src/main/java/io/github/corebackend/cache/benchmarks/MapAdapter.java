package io.github.corebackend.cache.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;

/** A concurrent map as a {@link BenchmarkCache}: the floor any cache's overhead is measured from. */
final class MapAdapter<K, V> implements BenchmarkCache<K, V> {

  private final ConcurrentMap<K, V> map;

  MapAdapter(ConcurrentMap<K, V> map) {
    this.map = map;
  }

  @Override
  public V get(K key) {
    return map.get(key);
  }

  @Override
  public void put(K key, V value) {
    map.put(key, value);
  }

  @Override
  public Map<K, V> getAll(Set<K> keys) {
    Map<K, V> found = new HashMap<>();
    for (K key : keys) {
      V value = map.get(key);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  @Override
  public void putAll(Map<K, V> entries) {
    map.putAll(entries);
  }

  @Override
  public void close() {
    map.clear();
  }
}
