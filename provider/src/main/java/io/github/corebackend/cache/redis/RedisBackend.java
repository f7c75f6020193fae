package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.config.RedisSettings;
import io.github.corebackend.cache.health.BackendHealth;
import io.github.corebackend.cache.redis.RedisConnection.RedisFailure;
import io.github.corebackend.cache.spi.CacheBackendException;
import java.time.Duration;
import java.util.Map;

/**
 * A cache manager's link to one Redis deployment: one connection shared by the caches there, opened at
 * the first operation (so a manager can be created while Redis is down) and retried by each
 * operation until it succeeds; after that, the client reconnects on its own. The tracker of near
 * caches' keys is opened the same way, on first use. Callers that come while either is being opened
 * share that attempt ({@link SharedConnection}), each waiting at most the connect timeout plus the
 * command timeout, so no caller queues behind another's slow connect.
 */
public final class RedisBackend implements AutoCloseable {

  private final RedisEndpoint endpoint;
  private final SharedConnection<RedisConnection> connection;
  private final SharedConnection<KeyTracker> tracker;

  RedisBackend(RedisEndpoint endpoint, RedisSettings settings) {
    this.endpoint = endpoint;
    // What an operation that must connect first may take: connecting, then the command.
    Duration patience = settings.connectTimeout().plus(settings.commandTimeout());
    this.connection = new SharedConnection<>(endpoint::connect, RedisConnection::close, patience,
        "the Redis connection to " + endpoint.address());
    this.tracker = new SharedConnection<>(endpoint::track, KeyTracker::close, patience,
        "the near caches' tracking connection to " + endpoint.address());
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
   * @throws RedisFailure when it cannot connect in time
   * @throws IllegalStateException once closed
   */
  RedisConnection connection() {
    return connection.get();
  }

  /** Since when the connection has been open; see {@link SharedConnection#readySince()}. */
  long connectedSince() {
    return connection.readySince();
  }

  /** Likewise for the tracker's connection. */
  long trackerConnectedSince() {
    return tracker.readySince();
  }

  /**
   * The tracker of keys near caches keep, opened on first use.
   *
   * @throws RedisFailure when it cannot connect in time
   * @throws IllegalStateException once closed
   */
  KeyTracker tracker() {
    return tracker.get();
  }

  /**
   * Checks the deployment: a {@code PING} over the shared connection (connecting first if needed,
   * within the connect and command timeouts) and, for near caches, whether Redis's invalidations
   * reach them ({@code invalidations}: {@code flowing}, {@code lost}, or {@code not started} before a
   * near cache's first read). Lost invalidations are down: the near caches then read from Redis.
   */
  public BackendHealth health(String backendName, boolean invalidations) {
    Duration latency = null;
    String failure = null;
    try {
      RedisConnection open = connection.get();
      long start = System.nanoTime();
      open.ping();
      latency = Duration.ofNanos(System.nanoTime() - start);
    } catch (RedisFailure | IllegalStateException e) {
      failure = e.getMessage();
    }
    // After the PING: a lost tracking connection has had the PING's time to be noticed.
    Map<String, String> details = invalidations ? Map.of("invalidations", invalidationState()) : Map.of();
    if (latency == null) {
      return BackendHealth.down(backendName, address(), "PING failed: " + failure, details);
    }
    if ("lost".equals(details.get("invalidations"))) {
      return BackendHealth.down(backendName, address(), "Redis answers, but the near caches' invalidations "
          + "are lost (tracking connection down); they read from Redis until it is back", details);
    }
    return BackendHealth.up(backendName, address(), latency, "PING answered", details);
  }

  private String invalidationState() {
    KeyTracker open = tracker.ifOpen();
    if (open == null) {
      return "not started";
    }
    return open.generation() % 2 == 0 ? "flowing" : "lost";
  }

  @Override
  public void close() {
    try {
      tracker.close();
    } finally {
      connection.close();
    }
  }

  /** A failure of {@code operation} in cache {@code cacheName}, as callers see it. */
  CacheBackendException failure(String cacheName, String operation, RuntimeException cause) {
    return new CacheBackendException("Cache '" + cacheName + "': " + operation + " failed against Redis at "
        + address() + ": " + cause.getMessage(), cause);
  }

  @Override
  public String toString() {
    return "RedisBackend[" + address() + "]";
  }
}
