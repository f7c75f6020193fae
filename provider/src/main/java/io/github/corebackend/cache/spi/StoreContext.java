package io.github.corebackend.cache.spi;

import io.github.corebackend.cache.config.CacheSettings;

/**
 * What a {@link StoreProvider} gets to build one cache's store.
 *
 * @param cacheName the cache, named in errors
 * @param settings the cache's resolved settings (its per-cache values applied)
 * @param keyType the declared key type; {@code Object} when none is declared
 * @param valueType the declared value type; {@code Object} when none is declared
 * @param storeByValue whether callers' objects must never be kept as they are
 * @param classLoader the cache manager's class loader, for deserialization
 * @param events where the store reports its changes
 * @param clock the time expiry is measured against
 * @param resources what the stores of one cache manager share (connections), closed with it
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public record StoreContext<K, V>(String cacheName, CacheSettings settings, Class<K> keyType,
    Class<V> valueType, boolean storeByValue, ClassLoader classLoader, StoreEvents<K, V> events,
    TimeSource clock, SharedResources resources) {}
