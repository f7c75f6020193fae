package io.github.corebackend.cache.event;

import java.util.List;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;
import org.jspecify.annotations.Nullable;

/** A registered listener, its filter and its configuration, created once from the factories. */
final class ListenerRegistration<K, V> {

  private final CacheEntryListenerConfiguration<K, V> configuration;
  private final CacheEntryListener<? super K, ? super V> listener;
  private final @Nullable CacheEntryEventFilter<? super K, ? super V> filter;

  ListenerRegistration(CacheEntryListenerConfiguration<K, V> configuration) {
    this.configuration = configuration;
    this.listener = configuration.getCacheEntryListenerFactory().create();
    Factory<CacheEntryEventFilter<? super K, ? super V>> filterFactory =
        configuration.getCacheEntryEventFilterFactory();
    this.filter = filterFactory == null ? null : filterFactory.create();
  }

  CacheEntryListenerConfiguration<K, V> configuration() {
    return configuration;
  }

  CacheEntryListener<? super K, ? super V> listener() {
    return listener;
  }

  @Nullable CacheEntryEventFilter<? super K, ? super V> filter() {
    return filter;
  }

  boolean isSynchronous() {
    return configuration.isSynchronous();
  }

  boolean isOldValueRequired() {
    return configuration.isOldValueRequired();
  }

  /** Whether the listener implements the interface for {@code type}. */
  boolean listensTo(EventType type) {
    switch (type) {
      case CREATED:
        return listener instanceof CacheEntryCreatedListener;
      case UPDATED:
        return listener instanceof CacheEntryUpdatedListener;
      case REMOVED:
        return listener instanceof CacheEntryRemovedListener;
      default:
        return listener instanceof CacheEntryExpiredListener;
    }
  }

  /** Hands {@code event} to the listener if it listens to its type and the filter lets it through. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void deliver(EntryEvent<K, V> event) {
    if (!listensTo(event.getEventType()) || (filter != null && !filter.evaluate(event))) {
      return;
    }
    List events = List.of(event);
    switch (event.getEventType()) {
      case CREATED:
        ((CacheEntryCreatedListener) listener).onCreated(events);
        break;
      case UPDATED:
        ((CacheEntryUpdatedListener) listener).onUpdated(events);
        break;
      case REMOVED:
        ((CacheEntryRemovedListener) listener).onRemoved(events);
        break;
      default:
        ((CacheEntryExpiredListener) listener).onExpired(events);
    }
  }
}
