package io.github.corebackend.cache.event;

import io.github.corebackend.cache.management.CacheStatistics;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.WriteOutcome;
import javax.cache.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a store reports into entry events and eviction counts. The store calls it inside its
 * atomic step for the key, so events are queued in the order of the changes.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class StoreEventPublisher<K, V> implements StoreEvents<K, V> {

  private final EventDispatcher<K, V> events;
  private final CacheStatistics statistics;

  /** Publishes to {@code events} and counts evictions in {@code statistics}. */
  public StoreEventPublisher(EventDispatcher<K, V> events, CacheStatistics statistics) {
    this.events = events;
    this.statistics = statistics;
  }

  @Override
  public void changed(K key, WriteOutcome<V> outcome) {
    switch (outcome.result()) {
      case CREATED:
        events.publish(EventType.CREATED, key, outcome.newValue(), null, false);
        break;
      case UPDATED:
        @Nullable V replaced = outcome.oldValue();
        events.publish(EventType.UPDATED, key, outcome.newValue(), replaced, replaced != null);
        break;
      case REMOVED:
        @Nullable V removed = outcome.oldValue();
        events.publish(EventType.REMOVED, key, removed, removed, removed != null);
        break;
      default:
        break;
    }
  }

  @Override
  public void expired(K key, @Nullable V value) {
    events.publish(EventType.EXPIRED, key, value, value, value != null);
  }

  @Override
  public void evicted(K key) {
    statistics.recordEviction();
  }
}
