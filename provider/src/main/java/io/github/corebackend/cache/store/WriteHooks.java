package io.github.corebackend.cache.store;

/**
 * What a cache wants to happen around a store write: write-through before the change, publication
 * (events, statistics) right after it.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public interface WriteHooks<K, V> {

  /** No write-through and nothing to publish. */
  @SuppressWarnings("rawtypes")
  WriteHooks NONE = new WriteHooks() {};

  /** Returns the hooks that do nothing. */
  @SuppressWarnings("unchecked")
  static <K, V> WriteHooks<K, V> none() {
    return NONE;
  }

  /**
   * Whether {@link #beforeWrite} and {@link #beforeDelete} do anything; when they do, a remote store
   * must run the write as read-decide-compare-and-set in the JVM rather than as a server script.
   */
  default boolean writesThrough() {
    return false;
  }

  /** Called when the store has decided to store {@code value}; throwing aborts the write. */
  default void beforeWrite(K key, V value) {}

  /** Called when the store is about to remove {@code key}; throwing aborts the removal. */
  default void beforeDelete(K key) {}

  /** Whether {@link #afterCommit} needs the previous value of updated and removed entries. */
  default boolean needsOldValue() {
    return false;
  }

  /** Called once the write is made, inside the store's atomic step when it has one. */
  default void afterCommit(K key, WriteOutcome<V> outcome) {}
}
