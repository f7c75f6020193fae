package io.github.corebackend.cache.spi;

import org.jspecify.annotations.Nullable;

/**
 * What an entry action, once applied, asks of the cache's writer (the system of record). A store
 * never calls the writer: the cache does, between deciding a guarded write and committing it.
 *
 * @param kind write the value, delete the key, or nothing
 * @param value the value to write, or {@code null}
 * @param <V> the type of values
 */
public record WriterCall<V>(Kind kind, @Nullable V value) {

  /** The three things a write can ask of a writer. */
  public enum Kind {
    /** The writer is not called. */
    NONE,
    /** {@code CacheWriter.write} with the entry. */
    WRITE,
    /** {@code CacheWriter.delete} with the key. */
    DELETE
  }

  @SuppressWarnings("rawtypes")
  private static final WriterCall NONE = new WriterCall<>(Kind.NONE, null);
  @SuppressWarnings("rawtypes")
  private static final WriterCall DELETE = new WriterCall<>(Kind.DELETE, null);

  /** No call. */
  @SuppressWarnings("unchecked")
  public static <V> WriterCall<V> none() {
    return NONE;
  }

  /** A call to write {@code value}. */
  public static <V> WriterCall<V> write(V value) {
    return new WriterCall<>(Kind.WRITE, value);
  }

  /** A call to delete the key. */
  @SuppressWarnings("unchecked")
  public static <V> WriterCall<V> delete() {
    return DELETE;
  }
}
