package io.github.corebackend.cache;

import io.github.corebackend.cache.config.CacheSettings;
import io.github.corebackend.cache.config.Setting;
import io.github.corebackend.cache.serial.Serializers;
import io.github.corebackend.cache.spi.StoreProviders;
import io.github.corebackend.cache.spi.TimeSource;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;
import org.jspecify.annotations.Nullable;

/**
 * The JCache provider, found by {@code Caching.getCachingProvider()} through
 * {@code META-INF/services/javax.cache.spi.CachingProvider}.
 *
 * <p>It keeps one {@link UnifiedCacheManager} per class loader and URI. Each manager resolves its
 * settings when created, from the properties it is given, then the configuration file its URI names
 * ({@code file:}, {@code jar:} or {@code classpath:}), then system properties, then {@code CACHE_*}
 * environment variables (see {@link Setting}). A URI of any other scheme only names the manager.
 */
public final class UnifiedCachingProvider implements CachingProvider {

  private final Map<ClassLoader, Map<URI, UnifiedCacheManager>> managers = new WeakHashMap<>();

  @Override
  public synchronized CacheManager getCacheManager(@Nullable URI uri, @Nullable ClassLoader classLoader,
      @Nullable Properties properties) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader managerLoader = classLoader == null ? getDefaultClassLoader() : classLoader;
    Map<URI, UnifiedCacheManager> byUri = managers.computeIfAbsent(managerLoader, loader -> new HashMap<>());
    UnifiedCacheManager manager = byUri.get(managerUri);
    if (manager == null) {
      Properties managerProperties = new Properties();
      if (properties != null) {
        managerProperties.putAll(properties);
      }
      manager = new UnifiedCacheManager(this, managerUri, managerLoader, managerProperties,
          resolveSettings(managerUri, managerLoader, managerProperties), TimeSource.SYSTEM);
      byUri.put(managerUri, manager);
    }
    return manager;
  }

  @Override
  public CacheManager getCacheManager(@Nullable URI uri, @Nullable ClassLoader classLoader) {
    return getCacheManager(uri, classLoader, getDefaultProperties());
  }

  @Override
  public CacheManager getCacheManager() {
    return getCacheManager(getDefaultURI(), getDefaultClassLoader(), getDefaultProperties());
  }

  @Override
  public ClassLoader getDefaultClassLoader() {
    return getClass().getClassLoader();
  }

  @Override
  public URI getDefaultURI() {
    return URI.create(getClass().getName());
  }

  @Override
  public Properties getDefaultProperties() {
    return new Properties();
  }

  @Override
  public void close() {
    for (UnifiedCacheManager manager : removeManagers(null, null)) {
      manager.close();
    }
  }

  @Override
  public void close(@Nullable ClassLoader classLoader) {
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    for (UnifiedCacheManager manager : removeManagers(loader, null)) {
      manager.close();
    }
  }

  @Override
  public void close(@Nullable URI uri, @Nullable ClassLoader classLoader) {
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    URI managerUri = uri == null ? getDefaultURI() : uri;
    for (UnifiedCacheManager manager : removeManagers(loader, managerUri)) {
      manager.close();
    }
  }

  /**
   * Store-by-reference is supported when the default backend can keep callers' objects (the memory
   * backend can; a Redis cache can only keep entries by value).
   */
  @Override
  public boolean isSupported(OptionalFeature feature) {
    return feature == OptionalFeature.STORE_BY_REFERENCE && defaultBackendStoresByReference();
  }

  private static boolean defaultBackendStoresByReference() {
    try {
      return StoreProviders.named(CacheSettings.resolve(null).backend()).supportsStoreByReference();
    } catch (IllegalArgumentException invalidSettings) {
      return false;
    }
  }

  /** Forgets a manager that closed itself, so the next request creates a new one. */
  synchronized void release(UnifiedCacheManager manager) {
    Map<URI, UnifiedCacheManager> byUri = managers.get(manager.getClassLoader());
    if (byUri != null && byUri.get(manager.getURI()) == manager) {
      byUri.remove(manager.getURI());
      if (byUri.isEmpty()) {
        managers.remove(manager.getClassLoader());
      }
    }
  }

  /** Removes and returns the managers matching the class loader and URI ({@code null} matches all). */
  private synchronized List<UnifiedCacheManager> removeManagers(@Nullable ClassLoader loader, @Nullable URI uri) {
    List<UnifiedCacheManager> removed = new java.util.ArrayList<>();
    managers.entrySet().removeIf(byLoader -> {
      if (loader != null && byLoader.getKey() != loader) {
        return false;
      }
      byLoader.getValue().entrySet().removeIf(byUri -> {
        if (uri != null && !byUri.getKey().equals(uri)) {
          return false;
        }
        removed.add(byUri.getValue());
        return true;
      });
      return byLoader.getValue().isEmpty();
    });
    return removed;
  }

  /**
   * Resolves and checks a manager's settings, those of the caches its configuration declares
   * included, so that a bad value or a missing serializer library fails here, naming the key.
   */
  private static CacheSettings resolveSettings(URI uri, ClassLoader classLoader, Properties properties) {
    try {
      CacheSettings settings = CacheSettings.resolve(uri, classLoader, properties);
      requireBackendAndSerializer(settings, null, classLoader);
      for (String cacheName : settings.declaredCaches()) {
        requireBackendAndSerializer(settings.forCache(cacheName), cacheName, classLoader);
      }
      return settings;
    } catch (IllegalArgumentException e) {
      throw new CacheException("Invalid cache configuration for cache manager " + uri + ": " + e.getMessage(), e);
    }
  }

  /** Checks that the backend exists and the serializer can be built, for the manager or one cache. */
  private static void requireBackendAndSerializer(CacheSettings settings, @Nullable String cacheName,
      ClassLoader classLoader) {
    try {
      StoreProviders.named(settings.backend());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid " + settings.describe(Setting.BACKEND) + ": " + e.getMessage(), e);
    }
    try {
      Serializers.requireAvailable(settings.serializer(), classLoader);
    } catch (IllegalArgumentException e) {
      String key = cacheName == null ? Setting.SERIALIZER.key() : Setting.SERIALIZER.keyFor(cacheName);
      throw new IllegalArgumentException(key + " '" + settings.serializer() + "': " + e.getMessage(), e);
    }
  }
}
