package io.github.corebackend.cache.store;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a cache keeps its entries. Each method is one atomic, per-key step (bulk methods are a batch
 * of such steps), so that a remote store can do each in one round trip.
 *
 * <p>JCache semantics (events, statistics, loaders, writers, expiry policies) live in the cache; a
 * store only keeps entries, decides create-versus-update atomically and applies the expiry it is
 * given. Expired entries are never returned; a store reports those it finds to its
 * {@link StoreObserver}.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public interface Store<K, V> extends AutoCloseable {

  /**
   * Returns the live value for {@code key}, or {@code null}, applying the access expiry to a hit.
   */
  V get(K key, EntryExpiry expiry);

  /** Returns the live values among {@code keys}, applying the access expiry to each hit. */
  default Map<K, V> getAll(Collection<? extends K> keys, EntryExpiry expiry) {
    Map<K, V> found = new LinkedHashMap<>();
    for (K key : keys) {
      V value = get(key, expiry);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  /** Whether a live entry exists; never changes expiry. */
  boolean containsKey(K key);

  /** Runs {@code action} atomically on the entry for {@code key} and returns its result. */
  <R> R compute(K key, EntryAction<V, R> action);

  /** Performs {@code op} atomically on the entry for {@code key}. */
  default WriteOutcome<V> write(K key, WriteOp<V> op, EntryExpiry expiry, WriteHooks<K, V> hooks) {
    return compute(key, new WriteAction<>(key, op, expiry, hooks));
  }

  /**
   * Stores many values, each as its own atomic step; {@code kind} is {@link WriteOp.Kind#PUT},
   * {@link WriteOp.Kind#LOAD} or {@link WriteOp.Kind#LOAD_REPLACING}.
   */
  default void writeAll(Map<? extends K, ? extends V> values, WriteOp.Kind kind, EntryExpiry expiry,
      WriteHooks<K, V> hooks) {
    for (Map.Entry<? extends K, ? extends V> entry : values.entrySet()) {
      write(entry.getKey(), opFor(kind, entry.getValue()), expiry, hooks);
    }
  }

  /** Removes many keys, each as its own atomic step. */
  default void removeAll(Collection<? extends K> keys, WriteHooks<K, V> hooks) {
    WriteOp<V> remove = WriteOp.remove(false);
    for (K key : keys) {
      write(key, remove, EntryExpiry.ETERNAL_ENTRIES, hooks);
    }
  }

  /**
   * Iterates over the live entries, applying the access expiry to each one returned; the iteration
   * is weakly consistent.
   */
  Iterator<Map.Entry<K, V>> iterator(EntryExpiry expiry);

  /** Iterates over the keys of the live entries without touching their expiry. */
  Iterator<K> keyIterator();

  /**
   * Removes the expired entries the store keeps itself, reporting each to its observer; a store
   * whose server expires entries on its own does nothing.
   *
   * @return the number of entries removed
   */
  default int sweepExpired() {
    return 0;
  }

  /** Removes every entry without reporting any. */
  void clear();

  /** The number of entries held, which may include expired entries not yet removed. */
  long size();

  /** Releases what the store holds; the entries of a shared remote store stay. */
  @Override
  void close();

  /** The write that stores a value of a bulk write of the given kind. */
  private static <V> WriteOp<V> opFor(WriteOp.Kind kind, V value) {
    switch (kind) {
      case PUT:
        return WriteOp.put(value, false);
      case LOAD:
        return WriteOp.load(value);
      case LOAD_REPLACING:
        return WriteOp.loadReplacing(value);
      default:
        throw new IllegalArgumentException("Not a bulk write: " + kind);
    }
  }
}
