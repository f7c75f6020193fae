package io.github.corebackend.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;

/** Records every event it receives as {@code TYPE key old->new}. */
final class RecordingListener<K, V> implements CacheEntryCreatedListener<K, V>, CacheEntryUpdatedListener<K, V>,
    CacheEntryRemovedListener<K, V>, CacheEntryExpiredListener<K, V>, java.io.Serializable {

  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void onCreated(Iterable<CacheEntryEvent<? extends K, ? extends V>> received) {
    record(received);
  }

  @Override
  public void onUpdated(Iterable<CacheEntryEvent<? extends K, ? extends V>> received) {
    record(received);
  }

  @Override
  public void onRemoved(Iterable<CacheEntryEvent<? extends K, ? extends V>> received) {
    record(received);
  }

  @Override
  public void onExpired(Iterable<CacheEntryEvent<? extends K, ? extends V>> received) {
    record(received);
  }

  private void record(Iterable<CacheEntryEvent<? extends K, ? extends V>> received) {
    for (CacheEntryEvent<? extends K, ? extends V> event : received) {
      events.add(event.getEventType() + " " + event.getKey() + " " + event.getOldValue() + "->" + event.getValue());
    }
  }
}
