package io.github.corebackend.cache.spi;

/**
 * The wall clock a store measures expiry against, in milliseconds since the epoch.
 *
 * <p>Stores take one so that tests can move time forward instead of sleeping.
 */
@FunctionalInterface
public interface TimeSource {

  /** The system clock. */
  TimeSource SYSTEM = System::currentTimeMillis;

  /** Returns the current time in milliseconds since the epoch. */
  long currentTimeMillis();
}
