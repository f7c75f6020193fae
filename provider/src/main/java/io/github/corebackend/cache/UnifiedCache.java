package io.github.corebackend.cache;

import static java.util.Objects.requireNonNull;

import io.github.corebackend.cache.management.CacheConfigurationBean;
import io.github.corebackend.cache.management.CacheStatisticsBean;
import io.github.corebackend.cache.management.ManagementRegistry;
import io.github.corebackend.cache.management.ManagementRegistry.BeanType;
import io.github.corebackend.cache.store.Store;
import io.github.corebackend.cache.store.StoreObserver;
import io.github.corebackend.cache.store.WriteHooks;
import io.github.corebackend.cache.store.WriteOp;
import io.github.corebackend.cache.store.WriteOutcome;
import java.util.ArrayList;
import java.util.Collection;
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
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.EventType;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;

/**
 * A JCache {@link Cache} over a {@link Store}: this class holds the JCache semantics (null and type
 * checks, read-through, write-through, expiry policy, entry events, statistics, closing) once, for
 * every backend.
 *
 * <p>Every operation is a single atomic store step per key; events are queued inside that step and
 * delivered after it (see {@link EventDispatcher}).
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class UnifiedCache<K, V> implements Cache<K, V> {

  private static final System.Logger LOG = System.getLogger(UnifiedCache.class.getName());

  private final UnifiedCacheManager manager;
  private final String name;
  private final MutableConfiguration<K, V> configuration;
  private final Class<?> keyType;
  private final Class<?> valueType;
  private final Store<K, V> store;
  private final PolicyExpiry expiry;
  private final CacheLoader<K, V> loader;
  private final CacheWriter<K, V> writer;
  private final Executor executor;
  private final EventDispatcher<K, V> events;
  private final CacheStatisticsBean statistics = new CacheStatisticsBean();
  private final CacheConfigurationBean configurationBean;
  private final WriteHooks<K, V> writeHooks = new CacheHooks(true, true);
  private final WriteHooks<K, V> storeOnlyHooks = new CacheHooks(false, true);
  private final WriteHooks<K, V> loadHooks = new CacheHooks(false, false);
  private final LoadsInFlight<K, V> loadsInFlight;

  private volatile boolean statisticsEnabled;
  private volatile boolean closed;

  /**
   * Creates a cache; called by its manager.
   *
   * @param configuration the cache's own copy of its configuration, with what the manager's settings
   *     turn on already applied
   * @param stores builds the store once the cache can observe it
   * @param defaultExpiry the expiry policy a cache configured as eternal gets instead, or {@code null}
   */
  UnifiedCache(UnifiedCacheManager manager, String name, MutableConfiguration<K, V> configuration,
      StoreFactory stores, Executor executor, Factory<ExpiryPolicy> defaultExpiry) {
    this.manager = manager;
    this.name = name;
    this.loadsInFlight = new LoadsInFlight<>(name);
    this.configuration = configuration;
    this.keyType = configuration.getKeyType();
    this.valueType = configuration.getValueType();
    this.executor = executor;
    this.loader = create(configuration.getCacheLoaderFactory());
    CacheWriter<K, V> configuredWriter = writerOf(configuration);
    this.writer = configuration.isWriteThrough() ? configuredWriter : null;
    this.expiry = PolicyExpiry.of(expiryPolicy(configuration, defaultExpiry));
    this.events = new EventDispatcher<>(this, executor);
    for (CacheEntryListenerConfiguration<K, V> listener : configuration.getCacheEntryListenerConfigurations()) {
      events.register(listener);
    }
    this.configurationBean = new CacheConfigurationBean(this::currentConfiguration);
    this.store = stores.create(name, configuration, new Observer());
    if (writer == null && configuredWriter instanceof AutoCloseable) {
      closeQuietly(configuredWriter, "cache writer");
    }
    setStatisticsEnabled(configuration.isStatisticsEnabled());
    setManagementEnabled(configuration.isManagementEnabled());
  }

  /** Builds the store of a cache, handing it the observer it reports expiries and evictions to. */
  @FunctionalInterface
  interface StoreFactory {
    <K, V> Store<K, V> create(String cacheName, CompleteConfiguration<K, V> configuration,
        StoreObserver<K, V> observer);
  }

  @Override
  public V get(K key) {
    requireOpen();
    requireKey(key);
    long start = startTimer();
    int mark = events.mark();
    V value;
    try {
      value = store.get(key, expiry);
      if (value != null) {
        recordHits(1);
      } else {
        recordMisses(1);
        if (readsThrough()) {
          value = loadThrough(key);
        }
      }
    } catch (RuntimeException | Error e) {
      throw deliverAfterFailure(mark, e);
    }
    events.deliverPending(mark);
    recordGetTime(start);
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
  public V getOrLoad(K key, Function<? super K, ? extends V> valueLoader) {
    requireNonNull(valueLoader, () -> message("the value loader must not be null"));
    V value = get(key);
    return value != null ? value : loadsInFlight.run(key, () -> loadAbsent(key, valueLoader));
  }

  /** Loads and keeps the value of {@code key}, unless a load that just ended already kept one. */
  private V loadAbsent(K key, Function<? super K, ? extends V> valueLoader) {
    int mark = events.mark();
    V value;
    try {
      value = store.get(key, expiry);
      if (value == null) {
        V loaded = callValueLoader(key, valueLoader);
        value = loaded == null ? null : loadThroughValue(key, loaded);
      }
    } catch (RuntimeException | Error e) {
      throw deliverAfterFailure(mark, e);
    }
    events.deliverPending(mark);
    return value;
  }

  private V callValueLoader(K key, Function<? super K, ? extends V> valueLoader) {
    try {
      return valueLoader.apply(key);
    } catch (CacheException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException(message("the value loader failed for key " + key), e);
    }
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    requireOpen();
    requireKeys(keys);
    long start = startTimer();
    int mark = events.mark();
    Map<K, V> result;
    try {
      result = new HashMap<>(store.getAll(keys, expiry));
      recordHits(result.size());
      recordMisses(keys.size() - result.size());
      if (readsThrough() && result.size() < keys.size()) {
        List<K> missing = new ArrayList<>();
        for (K key : keys) {
          if (!result.containsKey(key)) {
            missing.add(key);
          }
        }
        result.putAll(loadAllThrough(missing));
      }
    } catch (RuntimeException | Error e) {
      throw deliverAfterFailure(mark, e);
    }
    events.deliverPending(mark);
    recordGetTime(start);
    return result;
  }

  @Override
  public boolean containsKey(K key) {
    requireOpen();
    requireKey(key);
    return store.containsKey(key);
  }

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    requireOpen();
    requireKeys(keys);
    CompletionListener completion = listener == null ? NoCompletionListener.INSTANCE : listener;
    if (loader == null) {
      completion.onCompletion();
      return;
    }
    List<K> requested = new ArrayList<>(keys);
    try {
      executor.execute(() -> loadAllInBackground(requested, replaceExistingValues, completion));
    } catch (RejectedExecutionException e) {
      completion.onException(new CacheLoaderException("Cache '" + name + "' is closing", e));
    }
  }

  private void loadAllInBackground(List<K> keys, boolean replaceExistingValues, CompletionListener completion) {
    int mark = events.mark();
    try {
      List<K> toLoad = new ArrayList<>();
      for (K key : keys) {
        if (replaceExistingValues || !store.containsKey(key)) {
          toLoad.add(key);
        }
      }
      Map<K, V> loaded = callLoadAll(toLoad);
      store.writeAll(loaded, replaceExistingValues ? WriteOp.Kind.LOAD_REPLACING : WriteOp.Kind.LOAD, expiry,
          loadHooks);
      events.deliverPending(mark);
      completion.onCompletion();
    } catch (Exception e) {
      try {
        events.deliverPending(mark);
      } catch (RuntimeException listenerFailure) {
        e.addSuppressed(listenerFailure);
      }
      completion.onException(e);
    }
  }

  @Override
  public void put(K key, V value) {
    requireOpen();
    requireEntry(key, value);
    long start = startTimer();
    WriteOutcome<V> outcome = write(key, WriteOp.put(value, false));
    if (outcome.stored()) {
      recordPutTime(start);
    }
  }

  @Override
  public V getAndPut(K key, V value) {
    requireOpen();
    requireEntry(key, value);
    long start = startTimer();
    WriteOutcome<V> outcome = write(key, WriteOp.put(value, true));
    recordRead(outcome.existed(), start);
    if (outcome.stored()) {
      recordPutTime(start);
    }
    return outcome.oldValue();
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    requireOpen();
    requireNonNull(map, () -> message("the map must not be null"));
    Map<K, V> toStore = new LinkedHashMap<>(map.size() * 2);
    for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
      requireEntry(entry.getKey(), entry.getValue());
      toStore.put(entry.getKey(), entry.getValue());
    }
    long start = startTimer();
    CacheWriterException writeFailure = writer == null ? null : writeAllThrough(toStore);
    int mark = events.mark();
    try {
      store.writeAll(toStore, WriteOp.Kind.PUT, expiry, storeOnlyHooks);
    } catch (RuntimeException | Error e) {
      throw deliverAfterFailure(mark, e);
    }
    events.deliverPending(mark);
    if (!toStore.isEmpty()) {
      recordPutTime(start);
    }
    if (writeFailure != null) {
      throw writeFailure;
    }
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    requireOpen();
    requireEntry(key, value);
    long start = startTimer();
    WriteOutcome<V> outcome = write(key, WriteOp.putIfAbsent(value));
    recordRead(outcome.existed(), start);
    if (outcome.stored()) {
      recordPutTime(start);
    }
    return outcome.result() == WriteOutcome.Result.CREATED;
  }

  @Override
  public boolean remove(K key) {
    requireOpen();
    requireKey(key);
    long start = startTimer();
    WriteOutcome<V> outcome = write(key, WriteOp.remove(false));
    boolean removed = outcome.result() == WriteOutcome.Result.REMOVED;
    if (removed) {
      recordRemoveTime(start);
    }
    return removed;
  }

  @Override
  public boolean remove(K key, V oldValue) {
    requireOpen();
    requireKey(key);
    requireValue(oldValue, "old value");
    long start = startTimer();
    WriteOutcome<V> outcome = write(key, WriteOp.removeIfEqual(oldValue));
    recordRead(outcome.existed(), start);
    boolean removed = outcome.result() == WriteOutcome.Result.REMOVED;
    if (removed) {
      recordRemoveTime(start);
    }
    return removed;
  }

  @Override
  public V getAndRemove(K key) {
    requireOpen();
    requireKey(key);
    long start = startTimer();
    WriteOutcome<V> outcome = write(key, WriteOp.remove(true));
    recordRead(outcome.existed(), start);
    if (outcome.result() == WriteOutcome.Result.REMOVED) {
      recordRemoveTime(start);
    }
    return outcome.oldValue();
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    requireOpen();
    requireEntry(key, newValue);
    requireValue(oldValue, "old value");
    long start = startTimer();
    WriteOutcome<V> outcome = write(key, WriteOp.replaceIfEqual(oldValue, newValue));
    recordRead(outcome.existed(), start);
    if (outcome.stored()) {
      recordPutTime(start);
    }
    return outcome.stored();
  }

  @Override
  public boolean replace(K key, V value) {
    requireOpen();
    requireEntry(key, value);
    long start = startTimer();
    WriteOutcome<V> outcome = write(key, WriteOp.replace(value, false));
    recordRead(outcome.existed(), start);
    if (outcome.stored()) {
      recordPutTime(start);
    }
    return outcome.stored();
  }

  @Override
  public V getAndReplace(K key, V value) {
    requireOpen();
    requireEntry(key, value);
    long start = startTimer();
    WriteOutcome<V> outcome = write(key, WriteOp.replace(value, true));
    recordRead(outcome.existed(), start);
    if (outcome.stored()) {
      recordPutTime(start);
    }
    return outcome.oldValue();
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    requireOpen();
    requireKeys(keys);
    removeEach(new LinkedHashSet<>(keys));
  }

  @Override
  public void removeAll() {
    requireOpen();
    Set<K> keys = new LinkedHashSet<>();
    int mark = events.mark();
    try {
      store.keyIterator().forEachRemaining(keys::add);
    } catch (RuntimeException | Error e) {
      throw deliverAfterFailure(mark, e);
    }
    events.deliverPending(mark);
    if (!keys.isEmpty()) {
      removeEach(keys);
    }
  }

  private void removeEach(Set<K> keys) {
    long start = startTimer();
    CacheWriterException deleteFailure = writer == null ? null : deleteAllThrough(keys);
    int mark = events.mark();
    try {
      store.removeAll(keys, storeOnlyHooks);
    } catch (RuntimeException | Error e) {
      throw deliverAfterFailure(mark, e);
    }
    events.deliverPending(mark);
    recordRemoveTime(start);
    if (deleteFailure != null) {
      throw deleteFailure;
    }
  }

  @Override
  public void clear() {
    requireOpen();
    store.clear();
  }

  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> clazz) {
    MutableConfiguration<K, V> snapshot = currentConfiguration();
    if (clazz.isInstance(snapshot)) {
      return clazz.cast(snapshot);
    }
    throw new IllegalArgumentException("Cache '" + name + "' has no configuration of type " + clazz.getName()
        + "; ask for CompleteConfiguration or MutableConfiguration");
  }

  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    requireOpen();
    requireKey(key);
    requireNonNull(processor, () -> message("the entry processor must not be null"));
    long start = startTimer();
    InvokeAction<K, V, T> action = new InvokeAction<>(key, processor, arguments,
        readsThrough() ? loader : null, name, expiry, writeHooks, loadHooks, this::requireValueType);
    int mark = events.mark();
    T result;
    try {
      result = store.compute(key, action);
    } catch (RuntimeException | Error e) {
      throw deliverAfterFailure(mark, e);
    }
    events.deliverPending(mark);
    recordRead(action.existed(), start);
    return result;
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> processor,
      Object... arguments) {
    requireOpen();
    requireKeys(keys);
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
    closeQuietly(loader, "cache loader");
    closeQuietly(writer, "cache writer");
    closeQuietly(expiry.policy(), "expiry policy");
    for (ListenerRegistration<K, V> registration : events.registrations()) {
      closeQuietly(registration.listener(), "entry listener");
      closeQuietly(registration.filter(), "entry event filter");
    }
    store.close();
  }

  /** Removes every entry of the cache from its store, then closes it (for destroyCache). */
  void destroy() {
    if (!closed) {
      store.clear();
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
    throw new IllegalArgumentException("Cache '" + name + "' cannot be unwrapped to " + clazz.getName());
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
    }
  }

  @Override
  public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    requireNonNull(listenerConfiguration, () -> message("the listener configuration must not be null"));
    synchronized (this) {
      configuration.removeCacheEntryListenerConfiguration(listenerConfiguration);
      events.deregister(listenerConfiguration);
    }
  }

  @Override
  public Iterator<Cache.Entry<K, V>> iterator() {
    requireOpen();
    return new EntryIterator();
  }

  /** The live statistics, also registered in JMX when statistics are enabled. */
  public CacheStatisticsBean statistics() {
    return statistics;
  }

  /** The number of entries the store holds (expired ones not yet removed included). */
  public long size() {
    requireOpen();
    return store.size();
  }

  /** Removes expired entries the store keeps itself and delivers their expired events. */
  void sweepExpired() {
    if (closed) {
      return;
    }
    int mark = events.mark();
    try {
      store.sweepExpired();
    } catch (RuntimeException | Error e) {
      throw deliverAfterFailure(mark, e);
    }
    events.deliverPending(mark);
  }

  synchronized void setStatisticsEnabled(boolean enabled) {
    statisticsEnabled = enabled;
    configuration.setStatisticsEnabled(enabled);
    updateRegistration(statistics, BeanType.CacheStatistics, enabled);
  }

  synchronized void setManagementEnabled(boolean enabled) {
    configuration.setManagementEnabled(enabled);
    updateRegistration(configurationBean, BeanType.CacheConfiguration, enabled);
  }

  private void updateRegistration(Object bean, BeanType type, boolean registered) {
    if (registered) {
      ManagementRegistry.register(bean, ManagementRegistry.objectName(type, manager.getURI(), name));
    } else {
      ManagementRegistry.unregister(ManagementRegistry.objectName(type, manager.getURI(), name));
    }
  }

  private synchronized MutableConfiguration<K, V> currentConfiguration() {
    return new MutableConfiguration<>(configuration);
  }

  private WriteOutcome<V> write(K key, WriteOp<V> op) {
    int mark = events.mark();
    WriteOutcome<V> outcome;
    try {
      outcome = store.write(key, op, expiry, writeHooks);
    } catch (RuntimeException | Error e) {
      throw deliverAfterFailure(mark, e);
    }
    events.deliverPending(mark);
    return outcome;
  }

  private V loadThrough(K key) {
    V loaded = callLoad(key);
    if (loaded == null) {
      return null;
    }
    WriteOutcome<V> outcome = store.write(key, WriteOp.load(loaded), expiry, loadHooks);
    switch (outcome.result()) {
      case UNCHANGED_PRESENT:
        return outcome.oldValue();
      case CREATED:
        return loaded;
      default:
        return null;
    }
  }

  private Map<K, V> loadAllThrough(Collection<K> keys) {
    Map<K, V> loaded = callLoadAll(keys);
    Map<K, V> values = new HashMap<>();
    for (Map.Entry<K, V> entry : loaded.entrySet()) {
      V value = loadThroughValue(entry.getKey(), entry.getValue());
      if (value != null) {
        values.put(entry.getKey(), value);
      }
    }
    return values;
  }

  private V loadThroughValue(K key, V loaded) {
    WriteOutcome<V> outcome = store.write(key, WriteOp.load(loaded), expiry, loadHooks);
    return outcome.result() == WriteOutcome.Result.UNCHANGED_PRESENT ? outcome.oldValue()
        : outcome.stored() ? loaded : null;
  }

  private V callLoad(K key) {
    try {
      return loader.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException(message("the cache loader failed for key " + key), e);
    }
  }

  /** Loads {@code keys} in one call, keeping only the non-null values of requested keys. */
  private Map<K, V> callLoadAll(Collection<K> keys) {
    Map<? extends K, ? extends V> loaded;
    try {
      loaded = keys.isEmpty() ? Map.of() : loader.loadAll(keys);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException(message("the cache loader failed for keys " + keys), e);
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

  /** Writes through; entries the writer did not write are removed from {@code toStore}. */
  private CacheWriterException writeAllThrough(Map<K, V> toStore) {
    List<Cache.Entry<? extends K, ? extends V>> pending = new ArrayList<>(toStore.size());
    for (Map.Entry<K, V> entry : toStore.entrySet()) {
      pending.add(new ImmutableCacheEntry<>(entry.getKey(), entry.getValue()));
    }
    try {
      writer.writeAll(pending);
      return null;
    } catch (Exception e) {
      for (Cache.Entry<? extends K, ? extends V> failed : pending) {
        toStore.remove(failed.getKey());
      }
      return writerFailure(e, "writeAll");
    }
  }

  /** Deletes through; keys the writer did not delete are removed from {@code toRemove}. */
  private CacheWriterException deleteAllThrough(Set<K> toRemove) {
    List<K> pending = new ArrayList<>(toRemove);
    try {
      writer.deleteAll(pending);
      return null;
    } catch (Exception e) {
      pending.forEach(toRemove::remove);
      return writerFailure(e, "deleteAll");
    }
  }

  private CacheWriterException writerFailure(Exception e, String operation) {
    return e instanceof CacheWriterException
        ? (CacheWriterException) e
        : new CacheWriterException(message("the cache writer failed in " + operation), e);
  }

  private RuntimeException deliverAfterFailure(int mark, Throwable failure) {
    try {
      events.deliverPending(mark);
    } catch (RuntimeException | Error listenerFailure) {
      failure.addSuppressed(listenerFailure);
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    return (RuntimeException) failure;
  }

  private boolean readsThrough() {
    return loader != null && configuration.isReadThrough();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("Cache '" + name + "' is closed");
    }
  }

  private void requireKey(K key) {
    if (key == null) {
      throw new NullPointerException(message("a key must not be null"));
    }
  }

  private void requireKeys(Collection<? extends K> keys) {
    requireNonNull(keys, () -> message("the set of keys must not be null"));
    for (K key : keys) {
      requireKey(key);
    }
  }

  private void requireValue(V value, String role) {
    if (value == null) {
      throw new NullPointerException(message("the " + role + " must not be null"));
    }
  }

  private void requireEntry(K key, V value) {
    requireKey(key);
    requireValue(value, "value");
    if (keyType != Object.class && !keyType.isInstance(key)) {
      throw new ClassCastException(message("keys must be " + keyType.getName() + ", not "
          + key.getClass().getName()));
    }
    requireValueType(value);
  }

  private void requireValueType(Object value) {
    if (valueType != Object.class && !valueType.isInstance(value)) {
      throw new ClassCastException(message("values must be " + valueType.getName() + ", not "
          + value.getClass().getName()));
    }
  }

  private String message(String text) {
    return "Cache '" + name + "': " + text;
  }

  private long startTimer() {
    return statisticsEnabled ? System.nanoTime() : 0L;
  }

  private void recordHits(int count) {
    if (statisticsEnabled && count > 0) {
      statistics.recordHits(count);
    }
  }

  private void recordMisses(int count) {
    if (statisticsEnabled && count > 0) {
      statistics.recordMisses(count);
    }
  }

  private void recordRead(boolean hit, long start) {
    if (statisticsEnabled) {
      if (hit) {
        statistics.recordHits(1);
      } else {
        statistics.recordMisses(1);
      }
      recordGetTime(start);
    }
  }

  private void recordGetTime(long start) {
    if (statisticsEnabled && start != 0L) {
      statistics.recordGetTime(System.nanoTime() - start);
    }
  }

  private void recordPutTime(long start) {
    if (statisticsEnabled && start != 0L) {
      statistics.recordPutTime(System.nanoTime() - start);
    }
  }

  private void recordRemoveTime(long start) {
    if (statisticsEnabled && start != 0L) {
      statistics.recordRemoveTime(System.nanoTime() - start);
    }
  }

  /** The configured writer; one of {@code ? super K, ? super V} accepts every K and V. */
  @SuppressWarnings("unchecked")
  private static <K, V> CacheWriter<K, V> writerOf(CompleteConfiguration<K, V> configuration) {
    Factory<? extends CacheWriter<? super K, ? super V>> factory = configuration.getCacheWriterFactory();
    return factory == null ? null : (CacheWriter<K, V>) factory.create();
  }

  private static <T> T create(Factory<T> factory) {
    return factory == null ? null : factory.create();
  }

  private void closeQuietly(Object resource, String role) {
    if (resource instanceof AutoCloseable) {
      try {
        ((AutoCloseable) resource).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, message("closing the " + role + " failed"), e);
      }
    }
  }

  /**
   * The configured policy, or the default one when the configuration leaves the cache eternal; the
   * configuration then names the default, so that it shows what the cache does.
   */
  private static ExpiryPolicy expiryPolicy(MutableConfiguration<?, ?> configuration,
      Factory<ExpiryPolicy> defaultExpiry) {
    ExpiryPolicy configured = configuration.getExpiryPolicyFactory().create();
    if (defaultExpiry == null || configured.getClass() != EternalExpiryPolicy.class) {
      return configured;
    }
    configuration.setExpiryPolicyFactory(defaultExpiry);
    return defaultExpiry.create();
  }

  @Override
  public String toString() {
    return "UnifiedCache[" + name + "]";
  }

  /** Write-through before a change, events and statistics after it. */
  private final class CacheHooks implements WriteHooks<K, V> {
    private final boolean writesThroughConfigured;
    private final boolean countsPuts;

    CacheHooks(boolean writesThrough, boolean countsPuts) {
      this.writesThroughConfigured = writesThrough;
      this.countsPuts = countsPuts;
    }

    @Override
    public boolean writesThrough() {
      return writesThroughConfigured && writer != null;
    }

    @Override
    public void beforeWrite(K key, V value) {
      if (writesThrough()) {
        try {
          writer.write(new ImmutableCacheEntry<>(key, value));
        } catch (Exception e) {
          throw writerFailure(e, "write of key " + key);
        }
      }
    }

    @Override
    public void beforeDelete(K key) {
      if (writesThrough()) {
        try {
          writer.delete(key);
        } catch (Exception e) {
          throw writerFailure(e, "delete of key " + key);
        }
      }
    }

    @Override
    public boolean needsOldValue() {
      return events.needsOldValue();
    }

    @Override
    public void afterCommit(K key, WriteOutcome<V> outcome) {
      switch (outcome.result()) {
        case CREATED:
          if (countsPuts && statisticsEnabled) {
            statistics.recordPuts(1);
          }
          events.publish(EventType.CREATED, key, outcome.newValue(), null, false);
          break;
        case UPDATED:
          if (countsPuts && statisticsEnabled) {
            statistics.recordPuts(1);
          }
          V oldValue = outcome.oldValue();
          events.publish(EventType.UPDATED, key, outcome.newValue(), oldValue, oldValue != null);
          break;
        case REMOVED:
          if (statisticsEnabled) {
            statistics.recordRemovals(1);
          }
          V removed = outcome.oldValue();
          events.publish(EventType.REMOVED, key, removed, removed, removed != null);
          break;
        default:
          break;
      }
    }
  }

  /** Turns what the store reports on its own into events and statistics. */
  private final class Observer implements StoreObserver<K, V> {
    @Override
    public void onExpired(K key, V value) {
      events.publish(EventType.EXPIRED, key, value, value, true);
    }

    @Override
    public void onEvicted(K key) {
      if (statisticsEnabled) {
        statistics.recordEvictions(1);
      }
    }

    @Override
    public boolean publishesEvents() {
      return events.hasListeners();
    }
  }

  /** Iterates over live entries: each one returned is a hit and an access. */
  private final class EntryIterator implements Iterator<Cache.Entry<K, V>> {
    private final Iterator<Map.Entry<K, V>> entries = store.iterator(expiry);
    private K lastKey;

    @Override
    public boolean hasNext() {
      int mark = events.mark();
      boolean hasNext;
      try {
        hasNext = entries.hasNext();
      } catch (RuntimeException | Error e) {
        throw deliverAfterFailure(mark, e);
      }
      events.deliverPending(mark);
      return hasNext;
    }

    @Override
    public Cache.Entry<K, V> next() {
      long start = startTimer();
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      Map.Entry<K, V> entry = entries.next();
      lastKey = entry.getKey();
      recordRead(true, start);
      return ImmutableCacheEntry.of(entry);
    }

    @Override
    public void remove() {
      if (lastKey == null) {
        throw new IllegalStateException(message("call next() before remove()"));
      }
      requireOpen();
      K key = lastKey;
      lastKey = null;
      long start = startTimer();
      if (write(key, WriteOp.remove(false)).result() == WriteOutcome.Result.REMOVED) {
        recordRemoveTime(start);
      }
    }
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
