package io.github.corebackend.cache.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EntrySlot} that records the change an action asks for, for its store to apply afterwards;
 * the last change wins, and a touch never overrides a put or a removal. Subclasses say what the entry
 * looked like when it was read.
 *
 * @param <V> the type of values
 */
public abstract class RecordingSlot<V> implements EntrySlot<V> {

  /** The change recorded so far. */
  public enum Recorded {
    /** Nothing: the entry stays as it is. */
    NOTHING,
    /** A new value, see {@link #newValue()} and {@link #ttl()}. */
    PUT,
    /** Removal. */
    REMOVE,
    /** A new expiry only, see {@link #ttl()}. */
    TOUCH
  }

  private Recorded recorded = Recorded.NOTHING;
  private @Nullable V newValue;
  private long ttl = EntryExpiry.UNCHANGED;

  @Override
  public void put(V value, long ttlMillis) {
    if (ttlMillis == EntryExpiry.UNCHANGED && !exists()) {
      throw new IllegalStateException("No entry whose expiry could be kept");
    }
    recorded = Recorded.PUT;
    newValue = value;
    ttl = ttlMillis;
  }

  @Override
  public void remove() {
    recorded = Recorded.REMOVE;
    newValue = null;
  }

  @Override
  public void touch(long ttlMillis) {
    if (ttlMillis != EntryExpiry.UNCHANGED && exists() && recorded == Recorded.NOTHING) {
      recorded = Recorded.TOUCH;
      ttl = ttlMillis;
    }
  }

  /** The change recorded. */
  public final Recorded recorded() {
    return recorded;
  }

  /** The value of a recorded put, or {@code null}. */
  public final @Nullable V newValue() {
    return newValue;
  }

  /** The time-to-live of a recorded put or touch ({@link EntryExpiry}). */
  public final long ttl() {
    return ttl;
  }

  /**
   * What the recorded change does to the entry as it was read.
   *
   * @param withOldValue whether updates and removals carry the previous value
   */
  public final WriteOutcome<V> outcome(boolean withOldValue) {
    boolean existed = exists();
    switch (recorded) {
      case PUT:
        V stored = Objects.requireNonNull(newValue, "a recorded put has a value");
        return existed ? WriteOutcome.updated(withOldValue ? value() : null, stored) : WriteOutcome.created(stored);
      case REMOVE:
        return existed ? WriteOutcome.removed(withOldValue ? value() : null) : WriteOutcome.absent();
      default:
        return existed ? WriteOutcome.present(null) : WriteOutcome.absent();
    }
  }
}
