package io.github.corebackend.cache.spi;

/**
 * One entry held for a write that has an effect outside the store (a write-through to the system of
 * record): while the guard is open no other guarded write of the key runs, in this JVM or, for a
 * shared store, in any other. The entry is read when the guard is taken; changes recorded through the
 * slot take effect in {@link #commit}, exactly once, and are reported like any other change.
 *
 * <p>Writers that take no guard (loads of a cache that does not write through, bulk writes) may
 * change the entry meanwhile; {@link #commit} applies the recorded change to the entry as it is
 * then: a value put becomes an update of a live entry or a creation of an absent one (an update that
 * kept the expiry of an entry that is gone stores nothing); a removal or touch of an absent entry does
 * nothing.
 *
 * @param <V> the type of values
 */
public interface EntryGuard<V> extends EntrySlot<V>, AutoCloseable {

  /**
   * Applies the recorded change, reports it and releases the entry.
   *
   * @param withOldValue whether the outcome must carry the previous value
   * @return what the change did to the entry
   * @throws CacheBackendException when the hold was lost before the change could be made
   */
  WriteOutcome<V> commit(boolean withOldValue);

  /** Releases the entry; without a {@link #commit} nothing changes. */
  @Override
  void close();
}
