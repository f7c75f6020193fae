package io.github.corebackend.cache.spi;

import org.jspecify.annotations.Nullable;

/**
 * Where a store reports the changes it makes: one-way reports, never questions. A store calls these
 * inside its atomic step for the key (for a remote store, while it holds the key's stripe in this
 * JVM), so the reports of one key arrive in the order the changes were made.
 *
 * <p>Implementations must be quick and must not call back into the store for the same key.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public interface StoreEvents<K, V> {

  /** Hears nothing. */
  @SuppressWarnings("rawtypes")
  StoreEvents NONE = new StoreEvents() {};

  /** Returns the reports that go nowhere. */
  @SuppressWarnings("unchecked")
  static <K, V> StoreEvents<K, V> none() {
    return NONE;
  }

  /**
   * An entry was created, updated or removed; the outcome carries the old value when the operation's
   * {@link Facts#oldValues()} asked for it.
   */
  default void changed(K key, WriteOutcome<V> outcome) {}

  /**
   * An entry was found expired (by an access, a write or the background sweep) and removed; its value
   * is {@code null} when the store could not read it.
   */
  default void expired(K key, @Nullable V value) {}

  /** An entry was evicted to keep the store within its size bound. */
  default void evicted(K key) {}
}
