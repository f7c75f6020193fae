package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.spi.EntryExpiry;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.Store;
import java.util.Collection;
import java.util.Map;

/**
 * A Redis store as a near cache needs it: reads that say how long each entry has left to live, and
 * reports of the keys that change in Redis.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public interface TrackedStore<K, V> extends Store<K, V> {

  /** The lifetime of an entry whose read could not judge it. */
  long UNKNOWN_LIFETIME = -1;

  /**
   * A value read and how long it has left to live.
   *
   * @param value the value
   * @param lifetimeMillis milliseconds left by the server's clock when it was read,
   *     {@link EntryExpiry#ETERNAL}, or {@link #UNKNOWN_LIFETIME}
   */
  record Timed<V>(V value, long lifetimeMillis) {}

  /**
   * Reads like {@link #getAll}, with each live entry's lifetime.
   *
   * @param operation the JCache operation reading, named when the read fails
   */
  Map<K, Timed<V>> getAllTimed(String operation, Collection<? extends K> keys, Facts facts);

  /** What a near cache hears of this store's keys. Called on an I/O thread: quick, never blocking. */
  interface Changes<K> {
    /** The entry of {@code key} changed or disappeared in Redis. */
    void changed(K key);

    /** Changes may have been missed: forget every key. */
    void reset();
  }

  /**
   * Reports the keys of this store that change in Redis, whoever changes them.
   *
   * @return closing it stops the reports
   */
  AutoCloseable track(Changes<K> changes);

  /**
   * The {@link System#nanoTime()} since which the tracker's connection has been open, or
   * {@link Long#MIN_VALUE} before; see {@link Store#readySince()}.
   */
  long trackingReadySince();

  /** The tracker's generation: even while reports flow; see {@link KeyTracker#generation()}. */
  long trackingGeneration();

  /** When the reports were last known complete; see {@link KeyTracker#confirmedAt()}. Once tracking. */
  long trackingConfirmedAt();
}
