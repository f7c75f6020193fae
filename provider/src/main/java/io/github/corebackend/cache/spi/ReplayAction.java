package io.github.corebackend.cache.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Applies a change recorded under a {@link EntryGuard} to the entry as it is when the guard commits,
 * by the rule the guard states: a put updates a live entry or creates an absent one (unless it meant
 * to keep an expiry that is gone, or has a zero time-to-live); a removal or touch of an absent entry
 * does nothing. Returns what that did.
 *
 * @param <V> the type of values
 */
public final class ReplayAction<V> implements EntryAction<V, WriteOutcome<V>> {

  private final RecordingSlot.Recorded change;
  private final @Nullable V value;
  private final long ttl;
  private final boolean withOldValue;

  /** Replays what {@code recorded} recorded. */
  public ReplayAction(RecordingSlot<V> recorded, boolean withOldValue) {
    this.change = recorded.recorded();
    this.value = recorded.newValue();
    this.ttl = recorded.ttl();
    this.withOldValue = withOldValue;
  }

  @Override
  public WriteOutcome<V> apply(EntrySlot<V> slot) {
    boolean live = slot.exists();
    switch (change) {
      case PUT:
        V stored = Objects.requireNonNull(value, "a recorded put has a value");
        if (live) {
          @Nullable V replaced = withOldValue ? slot.value() : null;
          slot.put(stored, ttl);
          return WriteOutcome.updated(replaced, stored);
        }
        if (ttl == EntryExpiry.UNCHANGED || ttl == 0) {
          return WriteOutcome.absent();
        }
        slot.put(stored, ttl);
        return WriteOutcome.created(stored);
      case REMOVE:
        if (!live) {
          return WriteOutcome.absent();
        }
        @Nullable V removed = withOldValue ? slot.value() : null;
        slot.remove();
        return WriteOutcome.removed(removed);
      case TOUCH:
        slot.touch(ttl);
        return kept(slot, live);
      default:
        return kept(slot, live);
    }
  }

  private WriteOutcome<V> kept(EntrySlot<V> slot, boolean live) {
    return live ? WriteOutcome.present(withOldValue ? slot.value() : null) : WriteOutcome.absent();
  }
}
