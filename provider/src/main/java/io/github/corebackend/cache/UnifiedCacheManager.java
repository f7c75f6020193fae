package io.github.corebackend.cache;

import static java.util.Objects.requireNonNull;

import io.github.corebackend.cache.UnifiedCache.StoreFactory;
import io.github.corebackend.cache.config.Backend;
import io.github.corebackend.cache.config.CacheSettings;
import io.github.corebackend.cache.config.RedisSettings;
import io.github.corebackend.cache.near.NearStore;
import io.github.corebackend.cache.redis.RedisAvailability;
import io.github.corebackend.cache.redis.RedisBackend;
import io.github.corebackend.cache.redis.TrackedStore;
import io.github.corebackend.cache.serial.Serializer;
import io.github.corebackend.cache.serial.Serializers;
import io.github.corebackend.cache.store.Copier;
import io.github.corebackend.cache.store.MemoryStore;
import io.github.corebackend.cache.store.SerializingCopier;
import io.github.corebackend.cache.store.Store;
import io.github.corebackend.cache.store.StoreObserver;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.spi.CachingProvider;

/**
 * A JCache {@link CacheManager}: owns its caches, the settings they were built with, and the threads
 * they share (asynchronous listeners and {@code loadAll}, and the sweep of expired memory entries).
 */
public final class UnifiedCacheManager implements CacheManager {

  private static final System.Logger LOG = System.getLogger(UnifiedCacheManager.class.getName());
  private static final AtomicInteger MANAGER_IDS = new AtomicInteger();

  private final UnifiedCachingProvider provider;
  private final URI uri;
  private final WeakReference<ClassLoader> classLoader;
  private final Properties properties;
  private final CacheSettings settings;
  private final ConcurrentHashMap<String, UnifiedCache<?, ?>> caches = new ConcurrentHashMap<>();
  private final Map<UnifiedCache<?, ?>, ScheduledFuture<?>> sweeps = new ConcurrentHashMap<>();
  private final ExecutorService executor;
  private final ScheduledExecutorService housekeeping;
  /** One link per distinct Redis deployment the caches use; guarded by {@code caches}. */
  private final Map<RedisSettings, RedisBackend> redisBackends = new HashMap<>();
  private volatile boolean closed;

  UnifiedCacheManager(UnifiedCachingProvider provider, URI uri, ClassLoader classLoader, Properties properties,
      CacheSettings settings) {
    this.provider = provider;
    this.uri = uri;
    this.classLoader = new WeakReference<>(classLoader);
    this.properties = properties;
    this.settings = settings;
    int id = MANAGER_IDS.incrementAndGet();
    this.executor = Executors.newCachedThreadPool(daemonThreads("unified-cache-" + id + "-worker"));
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(daemonThreads("unified-cache-" + id + "-sweeper"));
  }

  /** The settings this manager's caches are built with. */
  public CacheSettings settings() {
    return settings;
  }

  @Override
  public CachingProvider getCachingProvider() {
    return provider;
  }

  @Override
  public URI getURI() {
    return uri;
  }

  @Override
  public ClassLoader getClassLoader() {
    return classLoader.get();
  }

  @Override
  public Properties getProperties() {
    return properties;
  }

  @Override
  public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
    requireOpen();
    requireNonNull(cacheName, "cacheName must not be null");
    requireNonNull(configuration, "configuration must not be null");
    synchronized (caches) {
      if (caches.containsKey(cacheName)) {
        throw new CacheException("A cache named '" + cacheName + "' already exists in " + uri);
      }
      return create(cacheName, configuration);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
    requireOpen();
    requireNonNull(cacheName, "cacheName must not be null");
    requireNonNull(keyType, "keyType must not be null");
    requireNonNull(valueType, "valueType must not be null");
    UnifiedCache<?, ?> cache = existingOrDeclared(cacheName, keyType, valueType);
    if (cache == null) {
      return null;
    }
    CompleteConfiguration<?, ?> configuration = cache.getConfiguration(CompleteConfiguration.class);
    if (configuration.getKeyType() != keyType || configuration.getValueType() != valueType) {
      throw new ClassCastException("Cache '" + cacheName + "' holds " + configuration.getKeyType().getName()
          + " -> " + configuration.getValueType().getName() + ", not " + keyType.getName() + " -> "
          + valueType.getName());
    }
    return (Cache<K, V>) cache;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Cache<K, V> getCache(String cacheName) {
    requireOpen();
    requireNonNull(cacheName, "cacheName must not be null");
    return (Cache<K, V>) existingOrDeclared(cacheName, Object.class, Object.class);
  }

  /**
   * The cache named {@code cacheName}; a cache the configuration declares but nobody has asked for
   * yet is created now, with the given types.
   */
  private UnifiedCache<?, ?> existingOrDeclared(String cacheName, Class<?> keyType, Class<?> valueType) {
    UnifiedCache<?, ?> cache = caches.get(cacheName);
    if (cache != null || !settings.declaredCaches().contains(cacheName)) {
      return cache;
    }
    synchronized (caches) {
      requireOpen();
      cache = caches.get(cacheName);
      return cache != null ? cache : create(cacheName, declaredConfiguration(keyType, valueType));
    }
  }

  private static <K, V> MutableConfiguration<K, V> declaredConfiguration(Class<K> keyType, Class<V> valueType) {
    return new MutableConfiguration<K, V>().setTypes(keyType, valueType);
  }

  /** Called under the {@code caches} lock. */
  private <K, V> UnifiedCache<K, V> create(String cacheName, Configuration<K, V> given) {
    CacheSettings cacheSettings = settingsOf(cacheName);
    if (cacheSettings.backend().usesRedis() && !given.isStoreByValue()) {
      throw new UnsupportedOperationException("Cache '" + cacheName + "': the " + backendName(cacheSettings)
          + " backend keeps entries by value in Redis and cannot store by reference; remove "
          + "setStoreByValue(false) or use the memory backend");
    }
    StoreFactory stores = new StoreFactory() {
      @Override
      public <A, B> Store<A, B> create(String name, CompleteConfiguration<A, B> configuration,
          StoreObserver<A, B> observer) {
        return createStore(name, cacheSettings, configuration, observer);
      }
    };
    UnifiedCache<K, V> cache = new UnifiedCache<>(this, cacheName, configured(given, cacheSettings), stores,
        executor, defaultExpiry(cacheSettings));
    caches.put(cacheName, cache);
    scheduleSweep(cache, cacheSettings);
    return cache;
  }

  /**
   * The cache's configuration with what the settings turn on: statistics, management, and
   * store-by-reference for memory caches. A configuration that already turns one on keeps it.
   */
  @SuppressWarnings("unchecked")
  private static <K, V> MutableConfiguration<K, V> configured(Configuration<K, V> given, CacheSettings settings) {
    MutableConfiguration<K, V> configuration = given instanceof CompleteConfiguration
        ? new MutableConfiguration<>((CompleteConfiguration<K, V>) given)
        : new MutableConfiguration<K, V>().setTypes(given.getKeyType(), given.getValueType())
            .setStoreByValue(given.isStoreByValue());
    if (settings.statistics()) {
      configuration.setStatisticsEnabled(true);
    }
    if (settings.management()) {
      configuration.setManagementEnabled(true);
    }
    if (settings.backend() == Backend.MEMORY && settings.memoryStoreByReference()) {
      configuration.setStoreByValue(false);
    }
    return configuration;
  }

  private static Factory<ExpiryPolicy> defaultExpiry(CacheSettings settings) {
    return settings.defaultTtl().isZero() ? null : settings.expiryKind().factoryOf(settings.defaultTtl());
  }

  /** Memory caches and the fronts of near caches drop expired entries in the background. */
  private void scheduleSweep(UnifiedCache<?, ?> cache, CacheSettings cacheSettings) {
    long sweepMillis = cacheSettings.memoryCleanupInterval().toMillis();
    if (cacheSettings.backend() != Backend.REDIS && sweepMillis > 0) {
      sweeps.put(cache, housekeeping.scheduleWithFixedDelay(() -> sweepExpired(cache), sweepMillis, sweepMillis,
          TimeUnit.MILLISECONDS));
    }
  }

  @Override
  public Iterable<String> getCacheNames() {
    requireOpen();
    return Collections.unmodifiableSet(new LinkedHashSet<>(caches.keySet()));
  }

  @Override
  public void destroyCache(String cacheName) {
    requireOpen();
    requireNonNull(cacheName, "cacheName must not be null");
    UnifiedCache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      cache.destroy();
    }
  }

  @Override
  public void enableManagement(String cacheName, boolean enabled) {
    requireOpen();
    requireNonNull(cacheName, "cacheName must not be null");
    UnifiedCache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      cache.setManagementEnabled(enabled);
    }
  }

  @Override
  public void enableStatistics(String cacheName, boolean enabled) {
    requireOpen();
    requireNonNull(cacheName, "cacheName must not be null");
    UnifiedCache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      cache.setStatisticsEnabled(enabled);
    }
  }

  @Override
  public void close() {
    synchronized (caches) {
      if (closed) {
        return;
      }
      closed = true;
    }
    provider.release(this);
    for (UnifiedCache<?, ?> cache : List.copyOf(caches.values())) {
      try {
        cache.close();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Closing cache '" + cache.getName() + "' failed", e);
      }
    }
    housekeeping.shutdownNow();
    executor.shutdown();
    synchronized (caches) {
      redisBackends.values().forEach(RedisBackend::close);
      redisBackends.clear();
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("The cache manager cannot be unwrapped to " + clazz.getName());
  }

  /** Forgets a cache that closed itself. */
  void release(UnifiedCache<?, ?> cache) {
    caches.remove(cache.getName(), cache);
    ScheduledFuture<?> sweep = sweeps.remove(cache);
    if (sweep != null) {
      sweep.cancel(false);
    }
  }

  /** Called under the {@code caches} lock, by {@link #create}. */
  private <K, V> Store<K, V> createStore(String cacheName, CacheSettings cacheSettings,
      CompleteConfiguration<K, V> configuration, StoreObserver<K, V> observer) {
    try {
      Backend backend = cacheSettings.backend();
      if (!backend.usesRedis()) {
        return new MemoryStore<>(cacheSettings.memoryMaxItems(), copierOf(cacheName, cacheSettings, configuration),
            settings.timeSource(), observer);
      }
      ClassLoader loader = getClassLoader();
      Serializer keys = Serializers.forRemoteStore(cacheSettings, cacheName, configuration.getKeyType(), loader);
      Serializer values = Serializers.forRemoteStore(cacheSettings, cacheName, configuration.getValueType(), loader);
      RedisBackend redis = redisBackend(cacheName, cacheSettings);
      if (backend == Backend.REDIS) {
        return redis.createStore(cacheName, cacheSettings.namespace(), keys, values, observer);
      }
      TrackedStore<K, V> remote = redis.createTrackedStore(cacheName, cacheSettings.namespace(), keys, values,
          observer);
      // The front's copies are the cache's only through Redis: their expiry and eviction are silent.
      return new NearStore<>(remote, new MemoryStore<>(cacheSettings.memoryMaxItems(),
          copierOf(cacheName, cacheSettings, configuration), settings.timeSource(), StoreObserver.none()),
          settings.timeSource());
    } catch (IllegalArgumentException e) {
      throw new CacheException("Cache '" + cacheName + "': " + e.getMessage(), e);
    }
  }

  /** How a memory store (a memory cache, or a near cache's front) keeps its entries. */
  private Copier copierOf(String cacheName, CacheSettings cacheSettings, CompleteConfiguration<?, ?> configuration) {
    if (!configuration.isStoreByValue()) {
      return Copier.IDENTITY;
    }
    ClassLoader loader = getClassLoader();
    return new SerializingCopier(Serializers.forCopies(cacheSettings, cacheName, configuration.getKeyType(), loader),
        Serializers.forCopies(cacheSettings, cacheName, configuration.getValueType(), loader), cacheName);
  }

  private static String backendName(CacheSettings settings) {
    return settings.backend().name().toLowerCase(Locale.ROOT);
  }

  private CacheSettings settingsOf(String cacheName) {
    try {
      return settings.forCache(cacheName);
    } catch (IllegalArgumentException e) {
      throw new CacheException("Cache '" + cacheName + "': " + e.getMessage(), e);
    }
  }

  private RedisBackend redisBackend(String cacheName, CacheSettings cacheSettings) {
    RedisSettings redisSettings = cacheSettings.redis();
    RedisBackend backend = redisBackends.get(redisSettings);
    if (backend == null) {
      if (!RedisAvailability.isLettucePresent()) {
        throw new CacheException("Cache '" + cacheName + "' uses the " + backendName(cacheSettings)
            + " backend, which needs " + RedisAvailability.LETTUCE_ARTIFACT
            + " on the classpath; add that dependency or use the memory backend");
      }
      try {
        backend = RedisBackend.create(redisSettings);
      } catch (IllegalArgumentException e) {
        throw new CacheException("Cache '" + cacheName + "': invalid Redis settings: " + e.getMessage(), e);
      }
      redisBackends.put(redisSettings, backend);
    }
    return backend;
  }

  private void sweepExpired(UnifiedCache<?, ?> cache) {
    try {
      cache.sweepExpired();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Sweeping expired entries of cache '" + cache.getName() + "' failed", e);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("Cache manager " + uri + " is closed");
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public String toString() {
    return "UnifiedCacheManager[" + uri + "]";
  }
}
