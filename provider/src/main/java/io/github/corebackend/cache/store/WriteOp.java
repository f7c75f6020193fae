package io.github.corebackend.cache.store;

import java.util.Objects;

/**
 * A single-key write a cache asks of a store, described as data so that a remote store can run it as
 * one native command while a local store runs the same decision under its lock.
 *
 * @param <V> the type of values
 */
public final class WriteOp<V> {

  /** What the write does, depending on whether a live entry exists. */
  public enum Kind {
    /** Create or update. */
    PUT,
    /** Create only when absent. */
    PUT_IF_ABSENT,
    /** Update only when present. */
    REPLACE,
    /** Update only when present and equal to the expected value; a mismatch counts as a read. */
    REPLACE_IF_EQUAL,
    /** Remove when present. */
    REMOVE,
    /** Remove when present and equal to the expected value; a mismatch counts as a read. */
    REMOVE_IF_EQUAL,
    /** Create a loaded value unless an entry appeared meanwhile; never written through. */
    LOAD,
    /** Create or update with a loaded value; never written through. */
    LOAD_REPLACING
  }

  private final Kind kind;
  private final V value;
  private final V expected;
  private final boolean returnsOldValue;

  private WriteOp(Kind kind, V value, V expected, boolean returnsOldValue) {
    this.kind = kind;
    this.value = value;
    this.expected = expected;
    this.returnsOldValue = returnsOldValue;
  }

  /** Creates or updates the entry. */
  public static <V> WriteOp<V> put(V value, boolean returnsOldValue) {
    return new WriteOp<>(Kind.PUT, Objects.requireNonNull(value), null, returnsOldValue);
  }

  /** Creates the entry if there is none. */
  public static <V> WriteOp<V> putIfAbsent(V value) {
    return new WriteOp<>(Kind.PUT_IF_ABSENT, Objects.requireNonNull(value), null, false);
  }

  /** Updates the entry if there is one. */
  public static <V> WriteOp<V> replace(V value, boolean returnsOldValue) {
    return new WriteOp<>(Kind.REPLACE, Objects.requireNonNull(value), null, returnsOldValue);
  }

  /** Updates the entry if its value equals {@code expected}. */
  public static <V> WriteOp<V> replaceIfEqual(V expected, V value) {
    return new WriteOp<>(Kind.REPLACE_IF_EQUAL, Objects.requireNonNull(value),
        Objects.requireNonNull(expected), false);
  }

  /** Removes the entry. */
  public static <V> WriteOp<V> remove(boolean returnsOldValue) {
    return new WriteOp<>(Kind.REMOVE, null, null, returnsOldValue);
  }

  /** Removes the entry if its value equals {@code expected}. */
  public static <V> WriteOp<V> removeIfEqual(V expected) {
    return new WriteOp<>(Kind.REMOVE_IF_EQUAL, null, Objects.requireNonNull(expected), false);
  }

  /** Stores a loaded value, keeping an entry that appeared meanwhile (returned as the old value). */
  public static <V> WriteOp<V> load(V value) {
    return new WriteOp<>(Kind.LOAD, Objects.requireNonNull(value), null, true);
  }

  /** Stores a loaded value over any existing entry. */
  public static <V> WriteOp<V> loadReplacing(V value) {
    return new WriteOp<>(Kind.LOAD_REPLACING, Objects.requireNonNull(value), null, false);
  }

  /** Returns what the write does. */
  public Kind kind() {
    return kind;
  }

  /** The value to store, or {@code null} for removals. */
  public V value() {
    return value;
  }

  /** The value the entry must hold for a conditional write, or {@code null}. */
  public V expected() {
    return expected;
  }

  /** Whether the caller needs the previous value back. */
  public boolean returnsOldValue() {
    return returnsOldValue;
  }

  /** Whether the store writes a new value when the entry exists (and any condition holds). */
  public boolean updatesExisting() {
    return kind == Kind.PUT || kind == Kind.REPLACE || kind == Kind.REPLACE_IF_EQUAL
        || kind == Kind.LOAD_REPLACING;
  }

  /** Whether the store creates an entry when there is none. */
  public boolean createsMissing() {
    return kind == Kind.PUT || kind == Kind.PUT_IF_ABSENT || kind == Kind.LOAD
        || kind == Kind.LOAD_REPLACING;
  }

  /** Whether the write goes to the cache writer (loads come from the system of record). */
  public boolean writesThrough() {
    return kind != Kind.LOAD && kind != Kind.LOAD_REPLACING;
  }

  @Override
  public String toString() {
    return kind.name();
  }
}
