package io.github.corebackend.cache.integration;

import java.util.Map;
import java.util.Objects;
import javax.cache.Cache;

/**
 * A key and value handed to callers (iteration) and to cache writers.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class ImmutableCacheEntry<K, V> implements Cache.Entry<K, V> {

  private final K key;
  private final V value;

  /** Creates an entry. */
  public ImmutableCacheEntry(K key, V value) {
    this.key = Objects.requireNonNull(key);
    this.value = value;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    return value;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("A cache entry cannot be unwrapped to " + clazz.getName());
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Cache.Entry)) {
      return false;
    }
    Cache.Entry<?, ?> entry = (Cache.Entry<?, ?>) other;
    return key.equals(entry.getKey()) && Objects.equals(value, entry.getValue());
  }

  @Override
  public int hashCode() {
    return key.hashCode() ^ Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }

  /** An entry with the same key and value as a map entry. */
  public static <K, V> ImmutableCacheEntry<K, V> of(Map.Entry<K, V> entry) {
    return new ImmutableCacheEntry<>(entry.getKey(), entry.getValue());
  }
}
