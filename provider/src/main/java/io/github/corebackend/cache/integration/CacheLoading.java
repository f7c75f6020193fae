package io.github.corebackend.cache.integration;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import org.jspecify.annotations.Nullable;

/**
 * A cache's {@link CacheLoader}: its calls, with failures turned into {@link CacheLoaderException}s
 * that name the cache and the keys, and whether it reads through.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class CacheLoading<K, V> {

  private final String cacheName;
  private final @Nullable CacheLoader<K, V> loader;
  private final boolean readThrough;

  /**
   * Wraps a loader.
   *
   * @param loader the configured loader, or {@code null}
   * @param readThrough whether misses load through it
   */
  public CacheLoading(String cacheName, @Nullable CacheLoader<K, V> loader, boolean readThrough) {
    this.cacheName = cacheName;
    this.loader = loader;
    this.readThrough = readThrough && loader != null;
  }

  /** The loader {@code configuration} names, reading through if it says so. */
  public static <K, V> CacheLoading<K, V> of(String cacheName, CompleteConfiguration<K, V> configuration) {
    Factory<CacheLoader<K, V>> factory = configuration.getCacheLoaderFactory();
    return new CacheLoading<>(cacheName, factory == null ? null : factory.create(), configuration.isReadThrough());
  }

  /** Whether there is a loader, for {@code loadAll}. */
  public boolean hasLoader() {
    return loader != null;
  }

  /** Whether misses load through the loader. */
  public boolean readsThrough() {
    return readThrough;
  }

  /** The loader misses go through, or {@code null} when the cache does not read through. */
  public @Nullable CacheLoader<K, V> readThroughLoader() {
    return readThrough ? loader : null;
  }

  /** The loader, if any, to be closed with the cache. */
  public @Nullable CacheLoader<K, V> loader() {
    return loader;
  }

  /** Loads one key; {@code null} when the system of record has no value. */
  public @Nullable V load(K key) {
    try {
      return requireLoader().load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException("Cache '" + cacheName + "': the cache loader failed for key " + key, e);
    }
  }

  /** Loads {@code keys} in one call, keeping only the non-null values of requested keys. */
  public Map<K, V> loadAll(Collection<K> keys) {
    Map<? extends K, ? extends V> loaded;
    try {
      loaded = keys.isEmpty() ? Map.of() : requireLoader().loadAll(keys);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException("Cache '" + cacheName + "': the cache loader failed for keys " + keys, e);
    }
    Map<K, V> values = new LinkedHashMap<>();
    if (loaded != null) {
      for (K key : keys) {
        V value = loaded.get(key);
        if (value != null) {
          values.put(key, value);
        }
      }
    }
    return values;
  }

  /** The loader; callers check {@link #readsThrough()} or {@link #hasLoader()} first. */
  private CacheLoader<K, V> requireLoader() {
    return Objects.requireNonNull(loader, "only a cache with a loader loads");
  }
}
