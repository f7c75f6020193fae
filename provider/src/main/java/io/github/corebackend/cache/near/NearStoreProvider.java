package io.github.corebackend.cache.near;

import io.github.corebackend.cache.config.CacheSettings;
import io.github.corebackend.cache.copy.Copiers;
import io.github.corebackend.cache.health.BackendHealth;
import io.github.corebackend.cache.memory.MemoryStore;
import io.github.corebackend.cache.redis.RedisBackend;
import io.github.corebackend.cache.redis.RedisStoreProvider;
import io.github.corebackend.cache.spi.CacheBackendException;
import io.github.corebackend.cache.spi.SharedResources;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.StoreContext;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.StoreProvider;

/**
 * The {@code near} backend: a Redis store with a bounded memory store in front, kept coherent by
 * Redis's reports of changed keys. Needs what the redis backend needs, and a single Redis server or a
 * Sentinel-managed one.
 */
public final class NearStoreProvider implements StoreProvider {

  /** The backend's name. */
  public static final String NAME = "near";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public <K, V> Store<K, V> create(StoreContext<K, V> context) {
    RedisBackend backend = RedisStoreProvider.backendOf(context, NAME);
    if (backend.isCluster()) {
      throw new CacheBackendException("Cache '" + context.cacheName() + "': the near backend needs a single "
          + "Redis server or a Sentinel-managed one, not a cluster (" + backend.address() + ")", null);
    }
    // The front's copies are the cache's only through Redis: their expiry and eviction are silent.
    MemoryStore<K, V> front = new MemoryStore<>(context.settings().memoryMaxItems(), Copiers.of(context),
        context.clock(), StoreEvents.none());
    return new NearStore<>(RedisStoreProvider.createStore(context, backend), front, context.clock(),
        context.settings().nearMaxStaleness());
  }

  @Override
  public BackendHealth health(CacheSettings settings, SharedResources resources) {
    return RedisStoreProvider.backendOf(settings, resources, "The health check", NAME).health(NAME, true);
  }
}
