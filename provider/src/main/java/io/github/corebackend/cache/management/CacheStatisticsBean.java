package io.github.corebackend.cache.management;

import java.util.concurrent.atomic.LongAdder;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * A cache's statistics, counted on {@link LongAdder}s so that concurrent operations never contend on
 * one counter. Times are recorded in nanoseconds and reported as average microseconds.
 */
public final class CacheStatisticsBean implements CacheStatisticsMXBean {

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder removals = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder getNanos = new LongAdder();
  private final LongAdder putNanos = new LongAdder();
  private final LongAdder removeNanos = new LongAdder();

  /** Counts {@code count} reads that found an entry. */
  public void recordHits(long count) {
    hits.add(count);
  }

  /** Counts {@code count} reads that found none. */
  public void recordMisses(long count) {
    misses.add(count);
  }

  /** Counts {@code count} values stored by callers (loads are not puts). */
  public void recordPuts(long count) {
    puts.add(count);
  }

  /** Counts {@code count} entries removed by callers. */
  public void recordRemovals(long count) {
    removals.add(count);
  }

  /** Counts {@code count} entries evicted to respect the size bound. */
  public void recordEvictions(long count) {
    evictions.add(count);
  }

  /** Adds the time spent reading. */
  public void recordGetTime(long nanos) {
    getNanos.add(nanos);
  }

  /** Adds the time spent storing. */
  public void recordPutTime(long nanos) {
    putNanos.add(nanos);
  }

  /** Adds the time spent removing. */
  public void recordRemoveTime(long nanos) {
    removeNanos.add(nanos);
  }

  @Override
  public void clear() {
    hits.reset();
    misses.reset();
    puts.reset();
    removals.reset();
    evictions.reset();
    getNanos.reset();
    putNanos.reset();
    removeNanos.reset();
  }

  @Override
  public long getCacheHits() {
    return hits.sum();
  }

  @Override
  public float getCacheHitPercentage() {
    return percentage(getCacheHits(), getCacheGets());
  }

  @Override
  public long getCacheMisses() {
    return misses.sum();
  }

  @Override
  public float getCacheMissPercentage() {
    return percentage(getCacheMisses(), getCacheGets());
  }

  @Override
  public long getCacheGets() {
    return hits.sum() + misses.sum();
  }

  @Override
  public long getCachePuts() {
    return puts.sum();
  }

  @Override
  public long getCacheRemovals() {
    return removals.sum();
  }

  @Override
  public long getCacheEvictions() {
    return evictions.sum();
  }

  @Override
  public float getAverageGetTime() {
    return averageMicros(getNanos.sum(), getCacheGets());
  }

  @Override
  public float getAveragePutTime() {
    return averageMicros(putNanos.sum(), getCachePuts());
  }

  @Override
  public float getAverageRemoveTime() {
    return averageMicros(removeNanos.sum(), getCacheRemovals());
  }

  private static float percentage(long part, long total) {
    return total == 0 ? 0f : (float) part * 100f / total;
  }

  private static float averageMicros(long nanos, long count) {
    return count == 0 ? 0f : (float) nanos / 1000f / count;
  }
}
