package io.github.corebackend.cache.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what a store reported. */
final class RecordingObserver<K, V> implements StoreObserver<K, V> {

  final List<Map.Entry<K, V>> expired = new CopyOnWriteArrayList<>();
  final List<K> evicted = new CopyOnWriteArrayList<>();

  @Override
  public void onExpired(K key, V value) {
    expired.add(Map.entry(key, value));
  }

  @Override
  public void onEvicted(K key) {
    evicted.add(key);
  }
}
