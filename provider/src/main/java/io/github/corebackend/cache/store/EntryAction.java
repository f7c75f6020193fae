package io.github.corebackend.cache.store;

/**
 * A read-decide-write step on one entry that a {@link Store} runs atomically.
 *
 * <p>A store with a local lock (the memory store) calls {@link #apply} once, inside the lock. A store
 * that writes with compare-and-set (Redis) may call it again when another writer got there first, so
 * {@code apply} must not publish anything: what must happen exactly once, after the change is made,
 * belongs in {@link #onCommit}.
 *
 * @param <V> the type of values
 * @param <R> the type of the result
 */
public interface EntryAction<V, R> {

  /** Looks at the entry and changes it through the slot; returns the result of the step. */
  R apply(EntrySlot<V> slot);

  /**
   * Called once, after the store has made the changes of the last {@link #apply}; still inside the
   * atomic step when the store has one, so that what it publishes is ordered like the changes.
   */
  default void onCommit(R result) {}
}
