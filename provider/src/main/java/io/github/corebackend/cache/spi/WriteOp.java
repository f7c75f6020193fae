package io.github.corebackend.cache.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A single-key write a cache asks of a store, described as data so that a remote store can run it as
 * one native command while a local store applies the same decision ({@link WriteKind}) under its lock.
 *
 * @param <V> the type of values
 */
public final class WriteOp<V> {

  private final WriteKind kind;
  private final @Nullable V value;
  private final @Nullable V expected;
  private final boolean returnsOldValue;

  private WriteOp(WriteKind kind, @Nullable V value, @Nullable V expected, boolean returnsOldValue) {
    this.kind = kind;
    this.value = value;
    this.expected = expected;
    this.returnsOldValue = returnsOldValue;
  }

  /** Creates or updates the entry. */
  public static <V> WriteOp<V> put(V value, boolean returnsOldValue) {
    return new WriteOp<>(WriteKind.PUT, Objects.requireNonNull(value), null, returnsOldValue);
  }

  /** Creates the entry if there is none. */
  public static <V> WriteOp<V> putIfAbsent(V value) {
    return new WriteOp<>(WriteKind.PUT_IF_ABSENT, Objects.requireNonNull(value), null, false);
  }

  /** Updates the entry if there is one. */
  public static <V> WriteOp<V> replace(V value, boolean returnsOldValue) {
    return new WriteOp<>(WriteKind.REPLACE, Objects.requireNonNull(value), null, returnsOldValue);
  }

  /** Updates the entry if its value equals {@code expected}. */
  public static <V> WriteOp<V> replaceIfEqual(V expected, V value) {
    return new WriteOp<>(WriteKind.REPLACE_IF_EQUAL, Objects.requireNonNull(value),
        Objects.requireNonNull(expected), false);
  }

  /** Removes the entry. */
  public static <V> WriteOp<V> remove(boolean returnsOldValue) {
    return new WriteOp<>(WriteKind.REMOVE, null, null, returnsOldValue);
  }

  /** Removes the entry if its value equals {@code expected}. */
  public static <V> WriteOp<V> removeIfEqual(V expected) {
    return new WriteOp<>(WriteKind.REMOVE_IF_EQUAL, null, Objects.requireNonNull(expected), false);
  }

  /** Stores a loaded value, keeping an entry that appeared meanwhile (returned as the old value). */
  public static <V> WriteOp<V> load(V value) {
    return new WriteOp<>(WriteKind.LOAD, Objects.requireNonNull(value), null, true);
  }

  /** Stores a loaded value over any existing entry. */
  public static <V> WriteOp<V> loadReplacing(V value) {
    return new WriteOp<>(WriteKind.LOAD_REPLACING, Objects.requireNonNull(value), null, false);
  }

  /** The JCache operation this write carries out, e.g. {@code getAndPut}, named when it fails. */
  public String operation() {
    switch (kind) {
      case PUT:
        return returnsOldValue ? "getAndPut" : "put";
      case PUT_IF_ABSENT:
        return "putIfAbsent";
      case REPLACE:
        return returnsOldValue ? "getAndReplace" : "replace";
      case REPLACE_IF_EQUAL:
        return "replace";
      case REMOVE:
        return returnsOldValue ? "getAndRemove" : "remove";
      case REMOVE_IF_EQUAL:
        return "remove";
      default:
        return "load";
    }
  }

  /** The write that stores {@code value} in a bulk write of {@code kind}. */
  public static <V> WriteOp<V> storing(WriteKind kind, V value) {
    switch (kind) {
      case PUT:
        return put(value, false);
      case LOAD:
        return load(value);
      case LOAD_REPLACING:
        return loadReplacing(value);
      default:
        throw new IllegalArgumentException("Not a bulk write: " + kind);
    }
  }

  /** Returns what the write does. */
  public WriteKind kind() {
    return kind;
  }

  /** The value to store, or {@code null} for removals. */
  public @Nullable V value() {
    return value;
  }

  /** The value the entry must hold for a conditional write, or {@code null}. */
  public @Nullable V expected() {
    return expected;
  }

  /**
   * The value a creation or update of this write stores.
   *
   * @throws IllegalStateException for a removal, which stores none
   */
  public V valueToStore() {
    if (value == null) {
      throw new IllegalStateException(kind + " stores no value");
    }
    return value;
  }

  /** Whether the caller needs the previous value back. */
  public boolean returnsOldValue() {
    return returnsOldValue;
  }

  @Override
  public String toString() {
    return kind.name();
  }
}
