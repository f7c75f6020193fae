package io.github.corebackend.cache.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CacheStatisticsTest {

  private static final long TEN_SECONDS = TimeUnit.SECONDS.toNanos(10);

  @Test
  void anOperationIsTimedFromWhenTheStoreBecameReadyIfThatCameAfterItsStart() {
    AtomicLong readySince = new AtomicLong(Long.MIN_VALUE);
    CacheStatistics statistics = new CacheStatistics(readySince::get);
    statistics.setEnabled(true);

    statistics.recordGetTime(System.nanoTime() - TEN_SECONDS);
    statistics.recordMisses(1);
    assertTrue(statistics.bean().getAverageGetTime() >= 10_000_000f, "a store ready all along: the whole time");

    statistics.bean().clear();
    long start = System.nanoTime() - TEN_SECONDS;
    readySince.set(System.nanoTime());
    statistics.recordPutTime(start);
    statistics.recordPuts(1);
    assertTrue(statistics.bean().getAveragePutTime() < 1_000_000f, "the wait for the connect is not counted");
  }

  @Test
  void disabledStatisticsNeverAskTheStore() {
    CacheStatistics statistics = new CacheStatistics(() -> {
      throw new AssertionError("asked while disabled");
    });

    long start = statistics.startTimer();
    statistics.recordGetTime(start);
    statistics.recordRead(true, System.nanoTime());
    statistics.recordRemoveTime(System.nanoTime());

    assertEquals(0, statistics.bean().getCacheGets());
  }
}
