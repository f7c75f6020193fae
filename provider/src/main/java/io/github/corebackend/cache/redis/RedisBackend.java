package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.CacheBackendException;
import io.github.corebackend.cache.config.RedisSettings;
import io.github.corebackend.cache.serial.Serializer;
import io.github.corebackend.cache.store.Store;
import io.github.corebackend.cache.store.StoreObserver;

/**
 * A cache manager's link to one Redis deployment: one connection shared by the caches there, opened at
 * the first operation (so a manager can be created while Redis is down) and retried by each
 * operation until it succeeds; after that, Lettuce reconnects on its own.
 *
 * <p>Load this class only after {@link RedisAvailability#isLettucePresent()} said yes.
 */
public final class RedisBackend implements AutoCloseable {

  private final RedisSettings settings;
  private final RedisAddress address;
  private volatile RedisConnection connection;
  private KeyTracker tracker;
  private volatile boolean closed;

  private RedisBackend(RedisSettings settings, RedisAddress address) {
    this.settings = settings;
    this.address = address;
  }

  /**
   * Prepares the link, without connecting yet.
   *
   * @throws IllegalArgumentException when the address is invalid
   */
  public static RedisBackend create(RedisSettings settings) {
    return new RedisBackend(settings, RedisAddress.parse(settings.url()));
  }

  /**
   * A store for one cache; its entries live under {@code <namespace>:<cacheName>:}.
   *
   * @param keySerializer turns keys other than strings into bytes
   * @param valueSerializer turns values into bytes and, where allowed, back
   */
  public <K, V> Store<K, V> createStore(String cacheName, String namespace, Serializer keySerializer,
      Serializer valueSerializer, StoreObserver<K, V> observer) {
    return newStore(cacheName, namespace, keySerializer, valueSerializer, observer);
  }

  /** The address, without credentials. */
  public String address() {
    return address.toString();
  }

  /** The open connection, connecting first if needed. */
  RedisConnection connection() {
    RedisConnection current = connection;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("The Redis connection to " + address + " is closed");
      }
      if (connection == null) {
        connection = LettuceConnection.open(address, settings.connectTimeout(), settings.commandTimeout(),
            settings.poolSize());
      }
      return connection;
    }
  }

  /**
   * A store for one near cache: like {@link #createStore}, and able to report its keys that change.
   *
   * @throws CacheBackendException for a cluster, whose keys one connection cannot track
   */
  public <K, V> TrackedStore<K, V> createTrackedStore(String cacheName, String namespace,
      Serializer keySerializer, Serializer valueSerializer, StoreObserver<K, V> observer) {
    if (address.topology() == RedisAddress.Topology.CLUSTER) {
      throw new CacheBackendException("Cache '" + cacheName + "': the near backend needs a single Redis server "
          + "or a Sentinel-managed one, not a cluster (" + address + ")", null);
    }
    return newStore(cacheName, namespace, keySerializer, valueSerializer, observer);
  }

  private <K, V> RedisStore<K, V> newStore(String cacheName, String namespace, Serializer keySerializer,
      Serializer valueSerializer, StoreObserver<K, V> observer) {
    return new RedisStore<>(cacheName, this, new KeyCodec<>(namespace, cacheName, keySerializer),
        new ValueCodec<>(valueSerializer, cacheName), observer);
  }

  /**
   * The tracker of keys near caches keep, opened on first use.
   *
   * @throws RedisConnection.RedisFailure when it cannot connect
   */
  synchronized KeyTracker tracker() {
    if (closed) {
      throw new IllegalStateException("The Redis connection to " + address + " is closed");
    }
    if (tracker == null) {
      tracker = LettuceKeyTracker.open(address, settings.connectTimeout(), settings.commandTimeout());
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
        + address + ": " + cause.getMessage(), cause);
  }
}
