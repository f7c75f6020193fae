package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.CacheBackendException;
import io.github.corebackend.cache.config.CacheSettings;
import io.github.corebackend.cache.serial.Serializer;
import io.github.corebackend.cache.serial.Serializers;
import io.github.corebackend.cache.store.Store;
import io.github.corebackend.cache.store.StoreObserver;

/**
 * A cache manager's link to Redis: one connection shared by the manager's Redis caches, opened at
 * the first operation (so a manager can be created while Redis is down) and retried by each
 * operation until it succeeds; after that, Lettuce reconnects on its own.
 *
 * <p>Load this class only after {@link RedisAvailability#isLettucePresent()} said yes.
 */
public final class RedisBackend implements AutoCloseable {

  private final CacheSettings settings;
  private final RedisAddress address;
  private final Serializer serializer;
  private volatile RedisConnection connection;
  private volatile boolean closed;

  private RedisBackend(CacheSettings settings, RedisAddress address, Serializer serializer) {
    this.settings = settings;
    this.address = address;
    this.serializer = serializer;
  }

  /**
   * Prepares the backend of a manager, without connecting yet.
   *
   * @throws IllegalArgumentException when the address or serializer setting is invalid
   */
  public static RedisBackend create(CacheSettings settings, ClassLoader classLoader) {
    return new RedisBackend(settings, RedisAddress.parse(settings.redisUrl()),
        Serializers.forRemoteStore(settings, classLoader));
  }

  /** A store for one cache; its entries live under {@code <namespace>:<cacheName>:}. */
  public <K, V> Store<K, V> createStore(String cacheName, StoreObserver<K, V> observer) {
    return new RedisStore<>(cacheName, this, new KeyCodec<>(settings.namespace(), cacheName, serializer),
        new ValueCodec<>(serializer, cacheName), observer);
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
        connection = LettuceConnection.open(address, settings.redisConnectTimeout(),
            settings.redisReadTimeout().plus(settings.redisWriteTimeout()), settings.redisPoolSize());
      }
      return connection;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
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
