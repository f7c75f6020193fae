package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.config.CacheSettings;
import io.github.corebackend.cache.health.BackendHealth;
import io.github.corebackend.cache.serial.Serializer;
import io.github.corebackend.cache.serial.Serializers;
import io.github.corebackend.cache.spi.SharedResources;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.StoreContext;
import io.github.corebackend.cache.spi.StoreProvider;

/**
 * The {@code redis} backend: entries in Redis (standalone, Sentinel or Cluster), shared by every JVM
 * that points at it, through a client library on the class path ({@link RedisClientProvider}). The
 * caches of one manager that reach the same deployment share its connection.
 */
public final class RedisStoreProvider implements StoreProvider {

  /** The backend's name. */
  public static final String NAME = "redis";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public <K, V> Store<K, V> create(StoreContext<K, V> context) {
    return createStore(context, backendOf(context, NAME));
  }

  /**
   * The manager's link to the deployment the cache's settings name, made on first request.
   *
   * @param backendName the backend asking, named in the error when no client library is present
   */
  public static RedisBackend backendOf(StoreContext<?, ?> context, String backendName) {
    return backendOf(context.settings(), context.resources(), "Cache '" + context.cacheName() + "'", backendName);
  }

  /**
   * The manager's link to the deployment {@code settings} name, made on first request.
   *
   * @param who asks, named in the error when no client library is present
   */
  public static RedisBackend backendOf(CacheSettings settings, SharedResources resources, String who,
      String backendName) {
    return resources.get(settings.redis(), RedisBackend.class, () -> {
      RedisClientProvider client = RedisClients.available(who, backendName);
      return new RedisBackend(client.endpoint(settings.redis()), settings.redis());
    });
  }

  @Override
  public BackendHealth health(CacheSettings settings, SharedResources resources) {
    return backendOf(settings, resources, "The health check", NAME).health(NAME, false);
  }

  /** A Redis store for the cache of {@code context}, which can also report its keys that change. */
  public static <K, V> TrackedStore<K, V> createStore(StoreContext<K, V> context, RedisBackend backend) {
    CacheSettings settings = context.settings();
    String cacheName = context.cacheName();
    Serializer keySerializer = Serializers.forRemoteStore(settings, cacheName, context.keyType(),
        context.classLoader());
    Serializer valueSerializer = Serializers.forRemoteStore(settings, cacheName, context.valueType(),
        context.classLoader());
    RedisCalls calls = new RedisCalls(cacheName, backend);
    KeyCodec<K> keys = new KeyCodec<>(settings.namespace(), cacheName, keySerializer, context.keyType());
    ValueCodec<V> values = new ValueCodec<>(valueSerializer, cacheName, context.valueType(),
        settings.redisMaxValueSize());
    RedisReads<K, V> reads = new RedisReads<>(calls, keys, values, context.events());
    return new RedisStore<>(calls, keys, reads, new RedisWrites<>(calls, keys, values, context.events()),
        new RedisCompareAndSet<>(calls, keys, values, context.events()),
        new RedisLocks<>(calls, keys, values, context.events(), settings.redisLockLease(),
            settings.redis().commandTimeout()));
  }
}
