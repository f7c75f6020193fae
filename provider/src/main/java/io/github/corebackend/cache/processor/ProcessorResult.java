package io.github.corebackend.cache.processor;

import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;
import org.jspecify.annotations.Nullable;

/** The result of an entry processor for one key of {@code invokeAll}: a value or a failure. */
public final class ProcessorResult<T> implements EntryProcessorResult<T> {

  private final @Nullable T value;
  private final @Nullable EntryProcessorException failure;

  private ProcessorResult(@Nullable T value, @Nullable EntryProcessorException failure) {
    this.value = value;
    this.failure = failure;
  }

  /** A processor's result. */
  public static <T> ProcessorResult<T> of(T value) {
    return new ProcessorResult<>(value, null);
  }

  /** A processor's failure, thrown by {@link #get()}. */
  public static <T> ProcessorResult<T> failed(Exception failure) {
    return new ProcessorResult<>(null, failure instanceof EntryProcessorException
        ? (EntryProcessorException) failure
        : new EntryProcessorException(failure));
  }

  @Override
  public @Nullable T get() {
    if (failure != null) {
      throw failure;
    }
    return value;
  }
}
