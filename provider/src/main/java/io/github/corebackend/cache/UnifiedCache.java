package io.github.corebackend.cache;

import static java.util.Objects.requireNonNull;

import io.github.corebackend.cache.core.CacheOperations;
import io.github.corebackend.cache.core.EntryChecks;
import io.github.corebackend.cache.event.EventDispatcher;
import io.github.corebackend.cache.event.StoreEventPublisher;
import io.github.corebackend.cache.expiry.PolicyExpiry;
import io.github.corebackend.cache.integration.CacheLoading;
import io.github.corebackend.cache.integration.CacheWriting;
import io.github.corebackend.cache.integration.Closeables;
import io.github.corebackend.cache.management.CacheConfigurationBean;
import io.github.corebackend.cache.management.CacheStatistics;
import io.github.corebackend.cache.management.CacheStatisticsBean;
import io.github.corebackend.cache.management.ManagementRegistry.BeanType;
import io.github.corebackend.cache.management.ManagementRegistry;
import io.github.corebackend.cache.processor.ProcessorResult;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.WriteOp;
import io.github.corebackend.cache.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;
import org.jspecify.annotations.Nullable;

/**
 * A JCache {@link Cache} over a {@link Store}: this class holds the JCache semantics (null and type
 * checks, read-through, write-through, expiry policy, entry events, statistics, closing) once, for
 * every backend.
 *
 * <p>Every operation is one atomic store step per key, handed the facts of the operation
 * ({@link Facts}); the store reports the changes it makes, and their events are delivered after the
 * step (see {@link EventDispatcher}). A write that has a writer runs under the store's guard of the
 * key: the write is decided, the writer called once, then the change committed.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class UnifiedCache<K, V> implements Cache<K, V> {

  private static final System.Logger LOG = System.getLogger(UnifiedCache.class.getName());

  private final UnifiedCacheManager manager;
  private final String name;
  private final MutableConfiguration<K, V> configuration;
  private final EntryChecks<K, V> checks;
  private final CacheOperations<K, V> operations;
  private final PolicyExpiry expiry;
  private final CacheLoading<K, V> loading;
  private final CacheWriting<K, V> writing;
  private final Executor executor;
  private final EventDispatcher<K, V> events;
  private final CacheStatistics statistics = new CacheStatistics(this::storeReadySince);
  private final CacheConfigurationBean configurationBean;
  private volatile boolean closed;

  /**
   * Creates a cache; called by its manager.
   *
   * @param configuration the cache's own copy of its configuration, with what the manager's settings
   *     turn on already applied
   * @param stores builds the store once the cache can hear its reports
   * @param defaultExpiry the expiry policy a cache configured as eternal gets instead, or {@code null}
   */
  UnifiedCache(UnifiedCacheManager manager, String name, MutableConfiguration<K, V> configuration,
      Function<StoreEvents<K, V>, Store<K, V>> stores, Executor executor,
      @Nullable Factory<ExpiryPolicy> defaultExpiry) {
    this.manager = manager;
    this.name = name;
    this.configuration = configuration;
    this.executor = executor;
    this.checks = new EntryChecks<>(name, configuration.getKeyType(), configuration.getValueType());
    this.loading = CacheLoading.of(name, configuration);
    this.writing = CacheWriting.of(name, configuration);
    this.expiry = PolicyExpiry.configured(configuration, defaultExpiry);
    this.events = new EventDispatcher<>(this, executor);
    for (CacheEntryListenerConfiguration<K, V> listener : configuration.getCacheEntryListenerConfigurations()) {
      events.register(listener);
    }
    this.configurationBean = new CacheConfigurationBean(this::currentConfiguration);
    this.operations = new CacheOperations<>(name, stores.apply(new StoreEventPublisher<>(events, statistics)),
        expiry, events, loading, writing, statistics);
    try {
      setStatisticsEnabled(configuration.isStatisticsEnabled());
      setManagementEnabled(configuration.isManagementEnabled());
    } catch (RuntimeException e) {
      // A bean could not be registered (its name is taken): no cache, and nothing of it left held.
      try {
        close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  @Override
  public @Nullable V get(K key) {
    requireOpen();
    checks.requireKey(key);
    long start = statistics.startTimer();
    V value = operations.get(key);
    statistics.recordGetTime(start);
    return value;
  }

  /**
   * Returns the value of {@code key}, loading it with {@code valueLoader} and keeping it when absent.
   * Callers in this JVM that ask for a key whose load is running wait for that load instead of
   * running their own, and all get its value. A failing load reaches every waiting caller and keeps
   * nothing; a {@code null} from the loader keeps nothing either. The loaded value is stored as a
   * read-through load would be: it fires a created event and no cache writer.
   *
   * <p>{@link GetOrLoad#get} offers this for a {@code Cache} typed by the caller.
   *
   * @throws CacheLoaderException when the loader fails, with its exception as the cause
   * @throws IllegalStateException when the cache is closed, or the loader asks for its own key
   */
  public @Nullable V getOrLoad(K key, Function<? super K, ? extends V> valueLoader) {
    requireNonNull(valueLoader, () -> message("the value loader must not be null"));
    requireOpen();
    checks.requireKey(key);
    return operations.getOrLoad(key, valueLoader);
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    requireOpen();
    checks.requireKeys(keys);
    long start = statistics.startTimer();
    Map<K, V> result = operations.getAll(keys);
    statistics.recordGetTime(start);
    return result;
  }

  @Override
  public boolean containsKey(K key) {
    requireOpen();
    checks.requireKey(key);
    return operations.store().containsKey(key);
  }

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, @Nullable CompletionListener listener) {
    requireOpen();
    checks.requireKeys(keys);
    CompletionListener completion = listener == null ? NoCompletionListener.INSTANCE : listener;
    if (!loading.hasLoader()) {
      completion.onCompletion();
      return;
    }
    List<K> requested = new ArrayList<>(keys);
    try {
      executor.execute(() -> loadAllInBackground(requested, replaceExistingValues, completion));
    } catch (RejectedExecutionException e) {
      completion.onException(new CacheLoaderException(message("the cache is closing"), e));
    }
  }

  private void loadAllInBackground(List<K> keys, boolean replaceExistingValues, CompletionListener completion) {
    try {
      operations.loadAll(keys, replaceExistingValues);
      completion.onCompletion();
    } catch (Exception e) {
      completion.onException(e);
    }
  }

  @Override
  public void put(K key, V value) {
    requireOpen();
    checks.requireEntry(key, value);
    long start = statistics.startTimer();
    if (operations.write(key, WriteOp.put(value, false)).stored()) {
      statistics.recordPutTime(start);
    }
  }

  @Override
  public @Nullable V getAndPut(K key, V value) {
    requireOpen();
    checks.requireEntry(key, value);
    long start = statistics.startTimer();
    WriteOutcome<V> outcome = operations.write(key, WriteOp.put(value, true));
    statistics.recordRead(outcome.existed(), start);
    if (outcome.stored()) {
      statistics.recordPutTime(start);
    }
    return outcome.oldValue();
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    requireOpen();
    requireNonNull(map, () -> message("the map must not be null"));
    Map<K, V> toStore = new LinkedHashMap<>(map.size() * 2);
    for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
      checks.requireEntry(entry.getKey(), entry.getValue());
      toStore.put(entry.getKey(), entry.getValue());
    }
    long start = statistics.startTimer();
    try {
      operations.putAll(toStore);
    } finally {
      if (!toStore.isEmpty()) {
        statistics.recordPutTime(start);
      }
    }
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    requireOpen();
    checks.requireEntry(key, value);
    long start = statistics.startTimer();
    WriteOutcome<V> outcome = operations.write(key, WriteOp.putIfAbsent(value));
    statistics.recordRead(outcome.existed(), start);
    if (outcome.stored()) {
      statistics.recordPutTime(start);
    }
    return outcome.result() == WriteOutcome.Result.CREATED;
  }

  @Override
  public boolean remove(K key) {
    requireOpen();
    checks.requireKey(key);
    return removed(key, WriteOp.remove(false), false).result() == WriteOutcome.Result.REMOVED;
  }

  @Override
  public boolean remove(K key, V oldValue) {
    requireOpen();
    checks.requireKey(key);
    checks.requireValue(oldValue, "old value");
    return removed(key, WriteOp.removeIfEqual(oldValue), true).result() == WriteOutcome.Result.REMOVED;
  }

  @Override
  public @Nullable V getAndRemove(K key) {
    requireOpen();
    checks.requireKey(key);
    return removed(key, WriteOp.remove(true), true).oldValue();
  }

  /** Runs a removal, timing it; {@code reads} when the caller learns whether an entry was there. */
  private WriteOutcome<V> removed(K key, WriteOp<V> removal, boolean reads) {
    long start = statistics.startTimer();
    WriteOutcome<V> outcome = operations.write(key, removal);
    if (reads) {
      statistics.recordRead(outcome.existed(), start);
    }
    if (outcome.result() == WriteOutcome.Result.REMOVED) {
      statistics.recordRemoveTime(start);
    }
    return outcome;
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    requireOpen();
    checks.requireEntry(key, newValue);
    checks.requireValue(oldValue, "old value");
    return replaced(key, WriteOp.replaceIfEqual(oldValue, newValue)).stored();
  }

  @Override
  public boolean replace(K key, V value) {
    requireOpen();
    checks.requireEntry(key, value);
    return replaced(key, WriteOp.replace(value, false)).stored();
  }

  @Override
  public @Nullable V getAndReplace(K key, V value) {
    requireOpen();
    checks.requireEntry(key, value);
    return replaced(key, WriteOp.replace(value, true)).oldValue();
  }

  private WriteOutcome<V> replaced(K key, WriteOp<V> replacement) {
    long start = statistics.startTimer();
    WriteOutcome<V> outcome = operations.write(key, replacement);
    statistics.recordRead(outcome.existed(), start);
    if (outcome.stored()) {
      statistics.recordPutTime(start);
    }
    return outcome;
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    requireOpen();
    checks.requireKeys(keys);
    removeEach(new LinkedHashSet<>(keys));
  }

  @Override
  public void removeAll() {
    requireOpen();
    Set<K> keys = operations.keys();
    if (!keys.isEmpty()) {
      removeEach(keys);
    }
  }

  private void removeEach(Set<K> keys) {
    long start = statistics.startTimer();
    try {
      operations.removeAll(keys);
    } finally {
      statistics.recordRemoveTime(start);
    }
  }

  @Override
  public void clear() {
    requireOpen();
    operations.store().clear();
  }

  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> clazz) {
    MutableConfiguration<K, V> snapshot = currentConfiguration();
    if (clazz.isInstance(snapshot)) {
      return clazz.cast(snapshot);
    }
    throw new IllegalArgumentException(message("it has no configuration of type " + clazz.getName()
        + "; ask for CompleteConfiguration or MutableConfiguration"));
  }

  @Override
  public <T> @Nullable T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    requireOpen();
    checks.requireKey(key);
    requireNonNull(processor, () -> message("the entry processor must not be null"));
    return operations.invoke(key, processor, arguments, checks::requireValueType, statistics.startTimer());
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> processor,
      Object... arguments) {
    requireOpen();
    checks.requireKeys(keys);
    requireNonNull(processor, () -> message("the entry processor must not be null"));
    Map<K, EntryProcessorResult<T>> results = new HashMap<>();
    for (K key : keys) {
      try {
        T result = invoke(key, processor, arguments);
        if (result != null) {
          results.put(key, ProcessorResult.of(result));
        }
      } catch (Exception e) {
        results.put(key, ProcessorResult.failed(e));
      }
    }
    return results;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public CacheManager getCacheManager() {
    return manager;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    manager.release(this);
    setStatisticsEnabled(false);
    setManagementEnabled(false);
    Closeables.closeQuietly(loading.loader(), "cache loader", name);
    Closeables.closeQuietly(writing.writer(), "cache writer", name);
    Closeables.closeQuietly(expiry.policy(), "expiry policy", name);
    events.closeListeners();
    operations.store().close();
  }

  /** Removes every entry of the cache from its store, then closes it (for destroyCache). */
  void destroy() {
    if (!closed) {
      operations.store().clear();
    }
    close();
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
    throw new IllegalArgumentException(message("it cannot be unwrapped to " + clazz.getName()));
  }

  @Override
  public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    requireOpen();
    requireNonNull(listenerConfiguration, () -> message("the listener configuration must not be null"));
    synchronized (this) {
      if (events.isRegistered(listenerConfiguration)) {
        throw new IllegalArgumentException(message("this listener configuration is already registered"));
      }
      configuration.addCacheEntryListenerConfiguration(listenerConfiguration);
      events.register(listenerConfiguration);
      operations.refreshFacts();
    }
  }

  @Override
  public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    requireNonNull(listenerConfiguration, () -> message("the listener configuration must not be null"));
    synchronized (this) {
      configuration.removeCacheEntryListenerConfiguration(listenerConfiguration);
      events.deregister(listenerConfiguration);
      operations.refreshFacts();
    }
  }

  @Override
  public Iterator<Cache.Entry<K, V>> iterator() {
    requireOpen();
    return operations.iterator(this::requireOpen);
  }

  /** The live statistics, also registered in JMX when statistics are enabled. */
  public CacheStatisticsBean statistics() {
    return statistics.bean();
  }

  /** Since when the store has needed no connect; read only once the constructor has made the store. */
  private long storeReadySince() {
    return operations.store().readySince();
  }

  /** The number of entries the store holds (expired ones not yet removed included). */
  public long size() {
    requireOpen();
    return operations.store().size();
  }

  /** Whether the store keeps expired entries until they are swept. */
  boolean needsSweeping() {
    return operations.store().needsSweeping();
  }

  /** Removes expired entries the store keeps itself and delivers their expired events. */
  void sweepExpired() {
    if (!closed) {
      operations.sweepExpired();
    }
  }

  /** Registers or unregisters first: when the bean's name is taken, nothing changes. */
  synchronized void setStatisticsEnabled(boolean enabled) {
    updateRegistration(statistics.bean(), BeanType.CacheStatistics, enabled);
    statistics.setEnabled(enabled);
    configuration.setStatisticsEnabled(enabled);
  }

  /** Likewise. */
  synchronized void setManagementEnabled(boolean enabled) {
    updateRegistration(configurationBean, BeanType.CacheConfiguration, enabled);
    configuration.setManagementEnabled(enabled);
  }

  private void updateRegistration(Object bean, BeanType type, boolean registered) {
    if (registered) {
      ManagementRegistry.register(bean, type, manager.getURI(), name);
    } else {
      ManagementRegistry.unregister(bean, type, manager.getURI(), name);
    }
  }

  private synchronized MutableConfiguration<K, V> currentConfiguration() {
    return new MutableConfiguration<>(configuration);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("Cache '" + name + "' is closed");
    }
  }

  private String message(String text) {
    return "Cache '" + name + "': " + text;
  }

  @Override
  public String toString() {
    return "UnifiedCache[" + name + "]";
  }

  /** Used when {@code loadAll} is called without a completion listener. */
  private enum NoCompletionListener implements CompletionListener {
    INSTANCE;

    @Override
    public void onCompletion() {}

    @Override
    public void onException(Exception e) {
      LOG.log(System.Logger.Level.WARNING, "loadAll failed", e);
    }
  }
}
