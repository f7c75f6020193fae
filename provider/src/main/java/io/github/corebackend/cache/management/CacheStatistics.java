package io.github.corebackend.cache.management;

import java.util.function.LongSupplier;

/**
 * Records a cache's statistics while they are enabled and costs one volatile read while they are
 * not: no clock is read and no counter touched. The counts live in the {@link CacheStatisticsBean}
 * JMX shows.
 *
 * <p>An operation is timed from its start or, when it had to wait for the store's connection to
 * open, from when the connection was ready: the averages measure operations, not connects.
 */
public final class CacheStatistics {

  private final CacheStatisticsBean bean = new CacheStatisticsBean();
  private final LongSupplier readySince;
  private volatile boolean enabled;

  /**
   * @param readySince the {@link System#nanoTime()} since which the store's connection has been
   *     ready, {@link Long#MIN_VALUE} for always (see {@code Store.readySince()})
   */
  public CacheStatistics(LongSupplier readySince) {
    this.readySince = readySince;
  }

  /** The counters, also registered in JMX while statistics are enabled. */
  public CacheStatisticsBean bean() {
    return bean;
  }

  /** Whether operations are counted. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Starts or stops counting; what was counted stays. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The start of a timed operation, or {@code 0} when nothing is recorded. */
  public long startTimer() {
    return enabled ? System.nanoTime() : 0L;
  }

  /** Counts {@code count} reads that found an entry. */
  public void recordHits(int count) {
    if (enabled && count > 0) {
      bean.recordHits(count);
    }
  }

  /** Counts {@code count} reads that found none. */
  public void recordMisses(int count) {
    if (enabled && count > 0) {
      bean.recordMisses(count);
    }
  }

  /** Counts one read, a hit or a miss, and its time since {@code start}. */
  public void recordRead(boolean hit, long start) {
    if (enabled) {
      if (hit) {
        bean.recordHits(1);
      } else {
        bean.recordMisses(1);
      }
      recordGetTime(start);
    }
  }

  /** Counts {@code count} values stored by callers. */
  public void recordPuts(int count) {
    if (enabled && count > 0) {
      bean.recordPuts(count);
    }
  }

  /** Counts {@code count} entries removed by callers. */
  public void recordRemovals(int count) {
    if (enabled && count > 0) {
      bean.recordRemovals(count);
    }
  }

  /** Counts one eviction. */
  public void recordEviction() {
    if (enabled) {
      bean.recordEvictions(1);
    }
  }

  /** Adds the time of a read since {@code start}. */
  public void recordGetTime(long start) {
    if (enabled && start != 0L) {
      bean.recordGetTime(elapsedSince(start));
    }
  }

  /** Adds the time of a store since {@code start}. */
  public void recordPutTime(long start) {
    if (enabled && start != 0L) {
      bean.recordPutTime(elapsedSince(start));
    }
  }

  /** Adds the time of a removal since {@code start}. */
  public void recordRemoveTime(long start) {
    if (enabled && start != 0L) {
      bean.recordRemoveTime(elapsedSince(start));
    }
  }

  /** The nanoseconds since {@code start}, less the wait for the store's connection, if any. */
  private long elapsedSince(long start) {
    // Read before the clock, so that a connect completing meanwhile cannot fall after "now". Both
    // are nanoTime values of this JVM, which do not wrap in its lifetime: max() orders them.
    long ready = readySince.getAsLong();
    return System.nanoTime() - Math.max(start, ready);
  }
}
