package io.github.corebackend.cache.spi;

/**
 * A read-decide-change step on one entry that a {@link Store} runs atomically.
 *
 * <p>A store with a local lock (the memory store) calls {@link #apply} once, inside the lock. A store
 * that writes with compare-and-set (Redis) may call it again when another writer got there first, so
 * {@code apply} must have no effect outside the slot; the store reports the change it commits (see
 * {@link StoreEvents}). Under a {@link Store#guard guard}, {@code apply} runs once, and
 * {@link #writerCall()} then says what the cache's writer must do before the change is committed.
 *
 * @param <V> the type of values
 * @param <R> the type of the result
 */
public interface EntryAction<V, R> {

  /** Looks at the entry and changes it through the slot; returns the result of the step. */
  R apply(EntrySlot<V> slot);

  /** The JCache operation this step carries out, named when it fails; {@code invoke} by default. */
  default String operation() {
    return "invoke";
  }

  /** What the last {@link #apply} asks of the cache's writer; nothing by default. */
  default WriterCall<V> writerCall() {
    return WriterCall.none();
  }
}
