package io.github.corebackend.cache;

import static java.util.Objects.requireNonNull;

import io.github.corebackend.cache.config.Backend;
import io.github.corebackend.cache.config.CacheSettings;
import io.github.corebackend.cache.redis.RedisAvailability;
import io.github.corebackend.cache.redis.RedisBackend;
import io.github.corebackend.cache.serial.JdkSerializer;
import io.github.corebackend.cache.store.Copier;
import io.github.corebackend.cache.store.MemoryStore;
import io.github.corebackend.cache.store.SerializingCopier;
import io.github.corebackend.cache.store.Store;
import io.github.corebackend.cache.store.StoreObserver;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
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
  private final ExecutorService executor;
  private final ScheduledExecutorService housekeeping;
  private RedisBackend redis;
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
    long sweepMillis = settings.memoryCleanupInterval().toMillis();
    if (sweepMillis > 0) {
      housekeeping.scheduleWithFixedDelay(this::sweepExpired, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }
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
      Backend backend = backendOf(cacheName);
      if (backend == Backend.REDIS && !configuration.isStoreByValue()) {
        throw new UnsupportedOperationException("Cache '" + cacheName + "': the redis backend keeps entries by "
            + "value in Redis and cannot store by reference; remove setStoreByValue(false) or use the memory backend");
      }
      UnifiedCache<K, V> cache = new UnifiedCache<>(this, cacheName, configuration, this::createStore, executor,
          settings.defaultTtl().toMillis());
      caches.put(cacheName, cache);
      return cache;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
    requireOpen();
    requireNonNull(cacheName, "cacheName must not be null");
    requireNonNull(keyType, "keyType must not be null");
    requireNonNull(valueType, "valueType must not be null");
    UnifiedCache<?, ?> cache = caches.get(cacheName);
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
    return (Cache<K, V>) caches.get(cacheName);
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
      if (redis != null) {
        redis.close();
      }
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
  }

  /** Called under the {@code caches} lock, by {@link #createCache}. */
  private <K, V> Store<K, V> createStore(String cacheName, CompleteConfiguration<K, V> configuration,
      StoreObserver<K, V> observer) {
    if (backendOf(cacheName) == Backend.REDIS) {
      return redisBackend(cacheName).createStore(cacheName, observer);
    }
    boolean byValue = configuration.isStoreByValue() && !settings.memoryStoreByReference();
    Copier copier = byValue
        ? new SerializingCopier(JdkSerializer.trusted(getClassLoader()), cacheName)
        : Copier.IDENTITY;
    return new MemoryStore<>(settings.memoryMaxItems(), copier, settings.timeSource(), observer);
  }

  private Backend backendOf(String cacheName) {
    try {
      return settings.backendFor(cacheName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Cache '" + cacheName + "': " + e.getMessage(), e);
    }
  }

  private RedisBackend redisBackend(String cacheName) {
    if (redis == null) {
      if (!RedisAvailability.isLettucePresent()) {
        throw new CacheException("Cache '" + cacheName + "' uses the redis backend, which needs "
            + RedisAvailability.LETTUCE_ARTIFACT + " on the classpath; add that dependency or use the memory backend");
      }
      try {
        redis = RedisBackend.create(settings, getClassLoader());
      } catch (IllegalArgumentException e) {
        throw new CacheException("Cache '" + cacheName + "': invalid Redis settings: " + e.getMessage(), e);
      }
    }
    return redis;
  }

  private void sweepExpired() {
    for (UnifiedCache<?, ?> cache : caches.values()) {
      try {
        cache.sweepExpired();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Sweeping expired entries of cache '" + cache.getName() + "' failed", e);
      }
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
