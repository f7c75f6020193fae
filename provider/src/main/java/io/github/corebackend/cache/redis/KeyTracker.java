package io.github.corebackend.cache.redis;

/**
 * Tells near caches which of their Redis keys changed, whoever changed them (any client, Redis's own
 * expiry or eviction), so that they drop their local copies. Redis's client-side caching in
 * broadcasting mode does the work: the server reports every key under a tracked prefix that changes,
 * with no extra command per write.
 *
 * <p>Reports can be lost while the tracking connection is down. {@link #generation()} is even while
 * reports flow and odd while they may not; every change of it comes with a {@link Listener#reset()},
 * so a near cache that saw the same even generation before and after reading a key knows no report
 * of that key can have been missed in between.
 */
public interface KeyTracker extends AutoCloseable {

  /** What a near cache hears. Called on the client's I/O thread: must be quick and must not block. */
  interface Listener {
    /** A key under the registered prefix changed or disappeared. */
    void invalidated(byte[] redisKey);

    /** Reports may have been missed (connection lost or regained, database flushed): drop everything. */
    void reset();
  }

  /**
   * Starts reporting the keys that begin with {@code prefix} to {@code listener}.
   *
   * @return closing it stops the reports to this listener
   * @throws RedisConnection.RedisFailure when the server refuses to track
   */
  AutoCloseable track(String prefix, Listener listener);

  /** Even while reports flow, odd while they may be lost; see the class comment. */
  long generation();

  /**
   * The {@link System#nanoTime()} at which the latest request on the tracking connection whose reply
   * has arrived was sent, {@link Long#MIN_VALUE} before any: every report of a change Redis made before
   * it handled that request has arrived by then, since a connection delivers in order. Renewed every
   * {@link #HEARTBEAT} while the connection is well.
   */
  long confirmedAt();

  /** How often the tracker confirms that its reports are complete. */
  java.time.Duration HEARTBEAT = java.time.Duration.ofMillis(25);

  /** Stops tracking and closes the connection. */
  @Override
  void close();
}
