package io.github.corebackend.cache.spi;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link WriteOp} did to an entry.
 *
 * @param <V> the type of values
 */
public final class WriteOutcome<V> {

  /** The effect on the entry. */
  public enum Result {
    /** A new entry was stored. */
    CREATED,
    /** The existing entry got a new value. */
    UPDATED,
    /** The existing entry was removed. */
    REMOVED,
    /** A live entry existed and was left as it was. */
    UNCHANGED_PRESENT,
    /** No live entry existed and none was stored. */
    UNCHANGED_ABSENT
  }

  private static final WriteOutcome<?> PRESENT = new WriteOutcome<>(Result.UNCHANGED_PRESENT, null, null);
  private static final WriteOutcome<?> ABSENT = new WriteOutcome<>(Result.UNCHANGED_ABSENT, null, null);

  private final Result result;
  private final @Nullable V oldValue;
  private final @Nullable V newValue;

  private WriteOutcome(Result result, @Nullable V oldValue, @Nullable V newValue) {
    this.result = result;
    this.oldValue = oldValue;
    this.newValue = newValue;
  }

  /** A new entry holding {@code value}. */
  public static <V> WriteOutcome<V> created(V value) {
    return new WriteOutcome<>(Result.CREATED, null, value);
  }

  /** The entry now holds {@code value}; {@code oldValue} may be {@code null} if nobody asked for it. */
  public static <V> WriteOutcome<V> updated(@Nullable V oldValue, V value) {
    return new WriteOutcome<>(Result.UPDATED, oldValue, value);
  }

  /** The entry was removed; {@code oldValue} may be {@code null} if nobody asked for it. */
  public static <V> WriteOutcome<V> removed(@Nullable V oldValue) {
    return new WriteOutcome<>(Result.REMOVED, oldValue, null);
  }

  /** A live entry was left unchanged; {@code current} may be {@code null} if nobody asked for it. */
  @SuppressWarnings("unchecked")
  public static <V> WriteOutcome<V> present(@Nullable V current) {
    return current == null
        ? (WriteOutcome<V>) PRESENT
        : new WriteOutcome<>(Result.UNCHANGED_PRESENT, current, null);
  }

  /** There was no live entry and none was stored. */
  @SuppressWarnings("unchecked")
  public static <V> WriteOutcome<V> absent() {
    return (WriteOutcome<V>) ABSENT;
  }

  /** The effect on the entry. */
  public Result result() {
    return result;
  }

  /** The value the entry held before, when asked for; {@code null} otherwise. */
  public @Nullable V oldValue() {
    return oldValue;
  }

  /** The value stored by a create or update; {@code null} otherwise. */
  public @Nullable V newValue() {
    return newValue;
  }

  /** Whether a live entry existed before the write. */
  public boolean existed() {
    return result == Result.UPDATED || result == Result.REMOVED || result == Result.UNCHANGED_PRESENT;
  }

  /** Whether the entry was created, updated or removed: a change listeners hear of. */
  public boolean changed() {
    return result == Result.CREATED || result == Result.UPDATED || result == Result.REMOVED;
  }

  /** Whether a value was stored (created or updated). */
  public boolean stored() {
    return result == Result.CREATED || result == Result.UPDATED;
  }

  @Override
  public String toString() {
    return result.name();
  }
}
