package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.redis.RedisConnection.RedisFailure;
import io.github.corebackend.cache.spi.CacheBackendException;
import org.jspecify.annotations.Nullable;

/**
 * A cache manager's link to one Redis deployment: one connection shared by the caches there, opened at
 * the first operation (so a manager can be created while Redis is down) and retried by each
 * operation until it succeeds; after that, the client reconnects on its own. The tracker of near
 * caches' keys is opened the same way, on first use.
 */
public final class RedisBackend implements AutoCloseable {

  private final RedisEndpoint endpoint;
  /** Null until the first operation connects, and again once closed. */
  private volatile @Nullable RedisConnection connection;
  /** Null until a near cache first tracks its keys, and again once closed. */
  private @Nullable KeyTracker tracker;
  private volatile boolean closed;

  RedisBackend(RedisEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** The address, without credentials. */
  public String address() {
    return endpoint.address();
  }

  /** Whether the deployment is a cluster. */
  public boolean isCluster() {
    return endpoint.isCluster();
  }

  /**
   * The open connection, connecting first if needed.
   *
   * @throws RedisFailure when it cannot connect
   */
  RedisConnection connection() {
    RedisConnection current = connection;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      requireOpen();
      if (connection == null) {
        connection = endpoint.connect();
      }
      return connection;
    }
  }

  /**
   * The tracker of keys near caches keep, opened on first use.
   *
   * @throws RedisFailure when it cannot connect
   */
  synchronized KeyTracker tracker() {
    requireOpen();
    if (tracker == null) {
      tracker = endpoint.track();
    }
    return tracker;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (tracker != null) {
      tracker.close();
      tracker = null;
    }
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  /** A failure of {@code operation} in cache {@code cacheName}, as callers see it. */
  CacheBackendException failure(String cacheName, String operation, RuntimeException cause) {
    return new CacheBackendException("Cache '" + cacheName + "': " + operation + " failed against Redis at "
        + address() + ": " + cause.getMessage(), cause);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("The Redis connection to " + address() + " is closed");
    }
  }

  @Override
  public String toString() {
    return "RedisBackend[" + address() + "]";
  }
}
