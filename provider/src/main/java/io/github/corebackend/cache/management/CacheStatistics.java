package io.github.corebackend.cache.management;

/**
 * Records a cache's statistics while they are enabled and costs one volatile read while they are
 * not: no clock is read and no counter touched. The counts live in the {@link CacheStatisticsBean}
 * JMX shows.
 */
public final class CacheStatistics {

  private final CacheStatisticsBean bean = new CacheStatisticsBean();
  private volatile boolean enabled;

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
      bean.recordGetTime(System.nanoTime() - start);
    }
  }

  /** Adds the time of a store since {@code start}. */
  public void recordPutTime(long start) {
    if (enabled && start != 0L) {
      bean.recordPutTime(System.nanoTime() - start);
    }
  }

  /** Adds the time of a removal since {@code start}. */
  public void recordRemoveTime(long start) {
    if (enabled && start != 0L) {
      bean.recordRemoveTime(System.nanoTime() - start);
    }
  }
}
