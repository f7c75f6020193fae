package io.github.corebackend.cache;

import static java.util.Objects.requireNonNull;

import io.github.corebackend.cache.config.CacheConfigurations;
import io.github.corebackend.cache.config.CacheSettings;
import io.github.corebackend.cache.config.Setting;
import io.github.corebackend.cache.health.BackendHealth;
import io.github.corebackend.cache.health.ManagerHealth;
import io.github.corebackend.cache.management.HealthBean;
import io.github.corebackend.cache.management.ManagementRegistry;
import io.github.corebackend.cache.spi.SharedResources;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.StoreContext;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.StoreProvider;
import io.github.corebackend.cache.spi.StoreProviders;
import io.github.corebackend.cache.spi.TimeSource;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.jspecify.annotations.Nullable;

/**
 * A JCache {@link CacheManager}: a registry of caches and their lifecycle. It owns the settings the
 * caches are built with, the threads they share (asynchronous listeners and {@code loadAll}, the
 * sweep of expired entries kept in memory) and what their stores share (connections). It knows no
 * backend: each cache's store comes from the {@link StoreProvider} its {@code cache.backend} names.
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
  private final SharedResources resources = new SharedResources();
  private final TimeSource clock;
  private final HealthBean healthBean = new HealthBean(this::health);
  private volatile boolean closed;

  UnifiedCacheManager(UnifiedCachingProvider provider, URI uri, ClassLoader classLoader, Properties properties,
      CacheSettings settings, TimeSource clock) {
    this.provider = provider;
    this.uri = uri;
    this.classLoader = new WeakReference<>(classLoader);
    this.properties = properties;
    this.settings = settings;
    this.clock = clock;
    int id = MANAGER_IDS.incrementAndGet();
    this.executor = Executors.newCachedThreadPool(daemonThreads("unified-cache-" + id + "-worker"));
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(daemonThreads("unified-cache-" + id + "-sweeper"));
    if (settings.management()) {
      try {
        ManagementRegistry.registerHealth(healthBean, uri);
      } catch (CacheException e) {
        housekeeping.shutdownNow();
        executor.shutdown();
        throw e;
      }
    }
  }

  /**
   * Checks every backend this manager's caches use, and the one its settings name for caches still
   * to come, each deployment once: Redis answers a {@code PING} (timed), near caches' invalidations
   * flow. Each check is bounded by that backend's connect and command timeouts. Also in JMX, with
   * {@code cache.management=true}, as {@code io.github.corebackend.cache:type=Health,CacheManager=<uri>}.
   *
   * @throws IllegalStateException once the manager is closed
   */
  public ManagerHealth health() {
    requireOpen();
    Map<List<Object>, CacheSettings> targets = new LinkedHashMap<>();
    List<CacheSettings> all = new ArrayList<>();
    all.add(settings);
    for (String cacheName : caches.keySet()) {
      all.add(settingsOf(cacheName));
    }
    for (CacheSettings each : all) {
      // One check per backend and deployment: caches on one Redis share its connection.
      targets.putIfAbsent(List.of(each.backend(), each.backend().equals("memory") ? "" : each.redis()), each);
    }
    List<BackendHealth> backends = new ArrayList<>();
    for (CacheSettings target : targets.values()) {
      backends.add(healthOf(target));
    }
    return new ManagerHealth(backends);
  }

  private BackendHealth healthOf(CacheSettings target) {
    try {
      return StoreProviders.named(target.backend()).health(target, resources);
    } catch (RuntimeException e) {
      return BackendHealth.down(target.backend(), "", "cannot check: " + e.getMessage(), Map.of());
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

  /** The class loader, or {@code null} once it has been garbage-collected: the manager holds it weakly. */
  @Override
  public @Nullable ClassLoader getClassLoader() {
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
  public <K, V> @Nullable Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
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
  public <K, V> @Nullable Cache<K, V> getCache(String cacheName) {
    requireOpen();
    requireNonNull(cacheName, "cacheName must not be null");
    return (Cache<K, V>) existingOrDeclared(cacheName, Object.class, Object.class);
  }

  /**
   * The cache named {@code cacheName}; a cache the configuration declares but nobody has asked for
   * yet is created now, with the given types.
   */
  private @Nullable UnifiedCache<?, ?> existingOrDeclared(String cacheName, Class<?> keyType, Class<?> valueType) {
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
    StoreProvider backend = backendOf(cacheName, cacheSettings);
    if (!backend.supportsStoreByReference() && !given.isStoreByValue()) {
      throw new UnsupportedOperationException("Cache '" + cacheName + "': the " + backend.name()
          + " backend keeps entries by value and cannot store by reference; remove "
          + "setStoreByValue(false) or use the memory backend");
    }
    MutableConfiguration<K, V> configuration = CacheConfigurations.configured(given, cacheSettings,
        backend.supportsStoreByReference());
    UnifiedCache<K, V> cache = new UnifiedCache<>(this, cacheName, configuration,
        events -> createStore(backend, cacheName, cacheSettings, configuration, events), executor,
        CacheConfigurations.defaultExpiry(cacheSettings));
    caches.put(cacheName, cache);
    scheduleSweep(cache, cacheSettings);
    return cache;
  }

  /** Caches whose stores keep expired entries in this JVM have them swept in the background. */
  private void scheduleSweep(UnifiedCache<?, ?> cache, CacheSettings cacheSettings) {
    long sweepMillis = cacheSettings.memoryCleanupInterval().toMillis();
    if (cache.needsSweeping() && sweepMillis > 0) {
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
    ManagementRegistry.unregisterHealth(healthBean, uri);
    resources.close();
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
  private <K, V> Store<K, V> createStore(StoreProvider backend, String cacheName, CacheSettings cacheSettings,
      CompleteConfiguration<K, V> configuration, StoreEvents<K, V> events) {
    try {
      return backend.create(new StoreContext<>(cacheName, cacheSettings, configuration.getKeyType(),
          configuration.getValueType(), configuration.isStoreByValue(), storeClassLoader(), events, clock,
          resources));
    } catch (IllegalArgumentException e) {
      throw new CacheException("Cache '" + cacheName + "': " + e.getMessage(), e);
    }
  }

  /**
   * The class loader a store deserializes with: the manager's or, should it have been garbage-collected,
   * the provider's default, as for a manager asked for without one.
   */
  private ClassLoader storeClassLoader() {
    ClassLoader loader = classLoader.get();
    return loader != null ? loader : provider.getDefaultClassLoader();
  }

  private static StoreProvider backendOf(String cacheName, CacheSettings cacheSettings) {
    try {
      return StoreProviders.named(cacheSettings.backend());
    } catch (IllegalArgumentException e) {
      throw new CacheException("Cache '" + cacheName + "': invalid " + cacheSettings.describe(Setting.BACKEND)
          + ": " + e.getMessage(), e);
    }
  }

  private CacheSettings settingsOf(String cacheName) {
    try {
      return settings.forCache(cacheName);
    } catch (IllegalArgumentException e) {
      throw new CacheException("Cache '" + cacheName + "': " + e.getMessage(), e);
    }
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
