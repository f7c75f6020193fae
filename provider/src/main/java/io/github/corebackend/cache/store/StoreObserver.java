package io.github.corebackend.cache.store;

/**
 * Told by a store about entries that leave it without a caller asking: expired or evicted.
 *
 * <p>Called inside the store's atomic step for the entry, so calls for one key arrive in order.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public interface StoreObserver<K, V> {

  /** Observes nothing. */
  @SuppressWarnings("rawtypes")
  StoreObserver NONE = new StoreObserver() {};

  /** Returns the observer that observes nothing. */
  @SuppressWarnings("unchecked")
  static <K, V> StoreObserver<K, V> none() {
    return NONE;
  }

  /** An entry was found expired (by an access or the background sweep) and removed. */
  default void onExpired(K key, V value) {}

  /** An entry was evicted to keep the store within its size bound. */
  default void onEvicted(K key) {}

  /**
   * Whether the cache publishes events, so that their per-key order matters: a store whose atomic
   * step happens elsewhere (a Redis server) then serialises each key's operations in this JVM.
   */
  default boolean publishesEvents() {
    return false;
  }
}
