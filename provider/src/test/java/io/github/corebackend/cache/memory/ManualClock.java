package io.github.corebackend.cache.memory;

import io.github.corebackend.cache.spi.TimeSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test says so. */
public final class ManualClock implements TimeSource {

  private final AtomicLong now = new AtomicLong(1_000_000L);

  @Override
  public long currentTimeMillis() {
    return now.get();
  }

  /** Moves the clock forward. */
  public void advanceMillis(long millis) {
    now.addAndGet(millis);
  }
}
