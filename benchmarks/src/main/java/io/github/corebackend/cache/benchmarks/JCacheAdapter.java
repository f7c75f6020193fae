package io.github.corebackend.cache.benchmarks;

import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;

/** A JCache {@link Cache} as a {@link BenchmarkCache}; closing destroys the cache and its manager. */
final class JCacheAdapter<K, V> implements BenchmarkCache<K, V> {

  private final Cache<K, V> cache;

  JCacheAdapter(Cache<K, V> cache) {
    this.cache = cache;
  }

  @Override
  public V get(K key) {
    return cache.get(key);
  }

  @Override
  public void put(K key, V value) {
    cache.put(key, value);
  }

  @Override
  public Map<K, V> getAll(Set<K> keys) {
    return cache.getAll(keys);
  }

  @Override
  public void putAll(Map<K, V> entries) {
    cache.putAll(entries);
  }

  @Override
  public void close() {
    CacheManager manager = cache.getCacheManager();
    manager.destroyCache(cache.getName());
    manager.close();
  }
}
