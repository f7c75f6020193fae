package io.github.corebackend.cache.spi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what a store reported. */
public final class RecordingEvents<K, V> implements StoreEvents<K, V> {

  /** Changes, as {@code key:RESULT:old->new}. */
  public final List<String> changed = new CopyOnWriteArrayList<>();
  /** Expired entries, key and value. */
  public final List<Map.Entry<K, V>> expired = new CopyOnWriteArrayList<>();
  /** Evicted keys. */
  public final List<K> evicted = new CopyOnWriteArrayList<>();

  @Override
  public void changed(K key, WriteOutcome<V> outcome) {
    changed.add(key + ":" + outcome + ":" + outcome.oldValue() + "->" + outcome.newValue());
  }

  @Override
  public void expired(K key, V value) {
    expired.add(Map.entry(key, value));
  }

  @Override
  public void evicted(K key) {
    evicted.add(key);
  }

  /** Forgets what was reported so far. */
  public void clear() {
    changed.clear();
    expired.clear();
    evicted.clear();
  }
}
