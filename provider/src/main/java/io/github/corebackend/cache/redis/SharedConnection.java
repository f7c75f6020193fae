package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.redis.RedisConnection.RedisFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A connection opened on first use and shared by every caller. Callers that come while an attempt to
 * open it runs wait for that attempt instead of starting their own, each for at most its own
 * patience; the first caller after a failed attempt starts the next one; closing never waits for an
 * attempt, and what an attempt opens after the close is closed at once.
 *
 * <p>An attempt runs on a thread of its own, so that a caller can give up at its deadline while the
 * attempt goes on to its own end (bounded by the client's connect and command timeouts) and serves
 * the callers after it. Waiting, rather than failing fast while an attempt runs, is the choice
 * because of start-up: many threads meet a connection that is not open yet, and all but one would
 * fail although the server is well.
 *
 * @param <T> the connection
 */
final class SharedConnection<T> {

  private final Supplier<T> open;
  private final Consumer<T> close;
  private final Duration patience;
  private final String what;
  /** Marks a closed connection; never replaced. */
  private final CompletableFuture<T> closed = new CompletableFuture<>();
  /**
   * The latest attempt, or {@link #closed}. Invariant: it is replaced (by compare-and-set) only when
   * it failed, or by {@link #closed}; so at most one attempt runs at a time, and an attempt that
   * succeeded stays until the close. Each attempt's future is completed once, by the attempt or by
   * the close, exceptionally: whichever comes second closes what the attempt opened.
   */
  private final AtomicReference<CompletableFuture<T>> current =
      new AtomicReference<>(CompletableFuture.failedFuture(new IllegalStateException("not connected yet")));
  /** The {@link System#nanoTime()} the attempt that succeeded completed at; {@link Long#MIN_VALUE} before. */
  private volatile long readySince = Long.MIN_VALUE;

  /**
   * @param open opens the connection; throws {@link RedisFailure} when it cannot
   * @param close closes an opened connection
   * @param patience how long a caller waits for an attempt
   * @param what the connection, for the attempt's thread name and the error once closed
   */
  SharedConnection(Supplier<T> open, Consumer<T> close, Duration patience, String what) {
    this.open = open;
    this.close = close;
    this.patience = patience;
    this.what = what;
  }

  /**
   * The open connection, waiting for an attempt to open it (starting one if none runs) at most the
   * patience.
   *
   * @throws RedisFailure when the attempt failed or did not finish in time
   * @throws IllegalStateException once closed
   */
  T get() {
    while (true) {
      CompletableFuture<T> attempt = Objects.requireNonNull(current.get(), "never null: see the invariant");
      if (attempt == closed) {
        throw closedException();
      }
      if (attempt.isCompletedExceptionally()) {
        CompletableFuture<T> next = new CompletableFuture<>();
        if (!current.compareAndSet(attempt, next)) {
          continue; // another caller started one, or the connection closed
        }
        start(next);
        attempt = next;
      }
      return await(attempt);
    }
  }

  /**
   * The {@link System#nanoTime()} since which the connection has been open, or {@link Long#MIN_VALUE}
   * while no attempt has succeeded: callers that began before it waited for the attempt.
   */
  long readySince() {
    return readySince;
  }

  /** The connection if an attempt has opened it, without starting one or waiting; else {@code null}. */
  @Nullable T ifOpen() {
    CompletableFuture<T> attempt = Objects.requireNonNull(current.get(), "never null: see the invariant");
    return attempt != closed && attempt.isDone() && !attempt.isCompletedExceptionally() ? attempt.join() : null;
  }

  /** Closes the connection, or has the running attempt close what it opens. */
  void close() {
    CompletableFuture<T> last = Objects.requireNonNull(current.getAndSet(closed), "never null: see the invariant");
    if (last != closed && !last.completeExceptionally(closedException()) && !last.isCompletedExceptionally()) {
      close.accept(last.join());
    }
  }

  private void start(CompletableFuture<T> attempt) {
    Thread thread = new Thread(() -> {
      T opened;
      try {
        opened = open.get();
      } catch (RuntimeException | Error e) {
        attempt.completeExceptionally(e);
        return;
      }
      readySince = System.nanoTime(); // before the waiters wake, so that they see it
      if (!attempt.complete(opened)) {
        close.accept(opened); // closed while connecting
      }
    }, "redis-connect " + what);
    thread.setDaemon(true);
    try {
      thread.start();
    } catch (RuntimeException | Error e) {
      attempt.completeExceptionally(e);
    }
  }

  private T await(CompletableFuture<T> attempt) {
    if (attempt.isDone() && !attempt.isCompletedExceptionally()) {
      return attempt.join(); // open: no timed wait on the hot path
    }
    try {
      return attempt.get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // A failed attempt always has its cause; the wrapper stands in should one ever lack it.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof IllegalStateException) {
        throw new IllegalStateException(cause.getMessage(), cause);
      }
      // Each caller gets an exception of its own, the attempt's as its cause.
      throw new RedisFailure(cause instanceof RedisFailure ? String.valueOf(cause.getMessage())
          : "cannot connect: " + cause, cause);
    } catch (TimeoutException e) {
      throw new RedisFailure("cannot connect: the attempt did not finish within " + patience.toMillis()
          + " ms (the connect timeout plus the command timeout); it goes on for later calls", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisFailure("interrupted while waiting for the connection to open", e);
    }
  }

  private IllegalStateException closedException() {
    return new IllegalStateException(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " is closed");
  }
}
