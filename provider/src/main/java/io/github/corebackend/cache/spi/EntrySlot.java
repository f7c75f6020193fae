package io.github.corebackend.cache.spi;

import org.jspecify.annotations.Nullable;

/**
 * One cache entry as an {@link EntryAction} sees it during a store's atomic step.
 *
 * <p>An entry that has expired is reported as absent. Changes made through the slot take effect
 * together when the action returns; the last change wins.
 *
 * @param <V> the type of values
 */
public interface EntrySlot<V> {

  /** Whether a live (present and not expired) entry exists. */
  boolean exists();

  /** The live value, or {@code null} when there is none; a copy when the store keeps values by value. */
  @Nullable V value();

  /**
   * The live value for an event's old value: {@code null} when there is none or when the store cannot
   * read it, so that an unreadable entry never stops a write that replaces or removes it.
   */
  default @Nullable V valueIfReadable() {
    return value();
  }

  /** Whether the live value equals {@code expected}; {@code false} when there is none. */
  boolean valueEquals(V expected);

  /**
   * Sets the value.
   *
   * @param value the new value, never {@code null}
   * @param ttlMillis its time-to-live ({@link EntryExpiry}); {@link EntryExpiry#UNCHANGED} keeps the
   *     current entry's expiry and is only allowed when one {@linkplain #exists() exists}
   */
  void put(V value, long ttlMillis);

  /** Removes the entry. */
  void remove();

  /** Changes the expiry of the existing entry; {@link EntryExpiry#UNCHANGED} does nothing. */
  void touch(long ttlMillis);
}
