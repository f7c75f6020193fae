package io.github.corebackend.cache.spi;

import java.util.Objects;

/** The state of an entry that a write decides on; expired entries count as absent. */
public enum EntryState {
  /** No live entry. */
  ABSENT,
  /** A live entry, equal to the expected value when the write has one. */
  MATCHING,
  /** A live entry whose value differs from the expected value of a conditional write. */
  OTHER;

  /** The state of the entry in {@code slot} as {@code op} sees it. */
  public static EntryState of(EntrySlot<?> slot, WriteOp<?> op) {
    if (!slot.exists()) {
      return ABSENT;
    }
    return op.kind().isConditional() && !matches(slot, op) ? OTHER : MATCHING;
  }

  @SuppressWarnings("unchecked")
  private static <V> boolean matches(EntrySlot<V> slot, WriteOp<?> op) {
    return slot.valueEquals((V) Objects.requireNonNull(op.expected(), "a conditional write has an expected value"));
  }
}
