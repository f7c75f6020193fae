package io.github.corebackend.cache.spi;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a cache keeps its entries. Each method is one atomic, per-key step (bulk methods are a batch
 * of such steps), so that a remote store can do each in one round trip.
 *
 * <p>JCache semantics (events, statistics, loaders, writers, expiry policies) live in the cache. A
 * store keeps entries, applies the write decision of {@link WriteKind} atomically with the expiry it
 * is given, and reports what it changed to its {@link StoreEvents}, in per-key order. The cache hands
 * it the facts of each operation ({@link Facts}); the store never calls the cache, and never calls a
 * cache writer: writes that have one run under a {@link #guard}, and the cache calls the writer
 * between deciding and committing. Expired entries are never returned.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public interface Store<K, V> extends AutoCloseable {

  /** Returns the live value for {@code key}, or {@code null}, applying the access expiry to a hit. */
  @Nullable V get(K key, Facts facts);

  /** Returns the live values among {@code keys}, applying the access expiry to each hit. */
  default Map<K, V> getAll(Collection<? extends K> keys, Facts facts) {
    Map<K, V> found = new LinkedHashMap<>();
    for (K key : keys) {
      V value = get(key, facts);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  /** Whether a live entry exists; never changes expiry. */
  boolean containsKey(K key);

  /**
   * Runs {@code action} atomically on the entry for {@code key}, commits the change it recorded and
   * reports it; returns the action's result. The action may be run more than once (see
   * {@link EntryAction}).
   */
  <R> R compute(K key, EntryAction<V, R> action, Facts facts);

  /** Performs {@code op} atomically on the entry for {@code key}, without a writer. */
  default WriteOutcome<V> write(K key, WriteOp<V> op, Facts facts) {
    return compute(key, new WriteAction<>(op, facts), facts);
  }

  /**
   * Holds the entry of {@code key} for a write whose decision must be followed by an outside effect
   * before it is committed; see {@link EntryGuard}. Waits while another guard holds the key.
   *
   * @param operation the JCache operation the guarded write carries out, named when it fails
   */
  EntryGuard<V> guard(K key, String operation, Facts facts);

  /**
   * Stores many values, each as its own atomic step.
   *
   * @param kind {@link WriteKind#PUT}, {@link WriteKind#LOAD} or {@link WriteKind#LOAD_REPLACING}
   * @return the number of values stored
   */
  default int writeAll(Map<? extends K, ? extends V> values, WriteKind kind, Facts facts) {
    int stored = 0;
    for (Map.Entry<? extends K, ? extends V> entry : values.entrySet()) {
      if (write(entry.getKey(), WriteOp.storing(kind, entry.getValue()), facts).stored()) {
        stored++;
      }
    }
    return stored;
  }

  /**
   * Removes many keys, each as its own atomic step.
   *
   * @return the number of entries removed
   */
  default int removeAll(Collection<? extends K> keys, Facts facts) {
    WriteOp<V> remove = WriteOp.remove(false);
    int removed = 0;
    for (K key : keys) {
      if (write(key, remove, facts).result() == WriteOutcome.Result.REMOVED) {
        removed++;
      }
    }
    return removed;
  }

  /**
   * Iterates over the live entries, applying the access expiry to each one returned; the iteration
   * is weakly consistent.
   */
  Iterator<Map.Entry<K, V>> iterator(Facts facts);

  /** Iterates over the keys of the live entries without touching their expiry. */
  Iterator<K> keyIterator();

  /** Whether expired entries stay in this JVM until removed, so that {@link #sweepExpired} is worth running. */
  default boolean needsSweeping() {
    return false;
  }

  /**
   * Removes the expired entries the store keeps itself, reporting each; a store whose server expires
   * entries on its own does nothing.
   *
   * @return the number of entries removed
   */
  default int sweepExpired() {
    return 0;
  }

  /**
   * The {@link System#nanoTime()} since which the store has been ready to serve without first waiting
   * for a connection: for a store that connects on first use, when its latest successful connect
   * completed. An operation that began earlier waited for that connect, and its statistics count
   * from here. Called by every timed operation while statistics are enabled: a field read at most.
   *
   * @return {@link Long#MIN_VALUE}, the default, for a store that never waits for a connection
   */
  default long readySince() {
    return Long.MIN_VALUE;
  }

  /** Removes every entry without reporting any. */
  void clear();

  /** The number of entries held, which may include expired entries not yet removed. */
  long size();

  /** Releases what the store holds; the entries of a shared remote store stay. */
  @Override
  void close();
}
