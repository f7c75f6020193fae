package io.github.corebackend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.memory.ManualClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListenerFuture;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnifiedCacheTest {

  private final ManualClock clock = new ManualClock();
  private final UnifiedCacheManager manager = TestManagers.create(clock);

  @AfterEach
  void closeManager() {
    manager.close();
  }

  @Test
  void basicOperationsReturnWhatJcacheSays() {
    Cache<String, Integer> cache = manager.createCache("basic", new MutableConfiguration<>());

    cache.put("a", 1);
    assertEquals(1, cache.get("a"));
    assertEquals(1, cache.getAndPut("a", 2));
    assertFalse(cache.putIfAbsent("a", 3));
    assertTrue(cache.putIfAbsent("b", 3));
    assertTrue(cache.replace("a", 2, 4));
    assertFalse(cache.replace("a", 2, 5));
    assertEquals(4, cache.getAndReplace("a", 6));
    assertTrue(cache.replace("a", 7));
    assertFalse(cache.replace("missing", 1));
    assertFalse(cache.remove("a", 6));
    assertTrue(cache.remove("a", 7));
    assertEquals(3, cache.getAndRemove("b"));
    assertNull(cache.getAndRemove("b"));
    assertFalse(cache.remove("b"));

    cache.putAll(Map.of("x", 1, "y", 2, "z", 3));
    assertEquals(Map.of("x", 1, "z", 3), cache.getAll(Set.of("x", "z", "nope")));
    cache.removeAll(Set.of("x"));
    assertFalse(cache.containsKey("x"));
    cache.removeAll();
    assertFalse(cache.iterator().hasNext());
  }

  @Test
  void nullsAreRejectedWithNullPointerException() {
    Cache<String, String> cache = manager.createCache("nulls", new MutableConfiguration<>());

    assertThrows(NullPointerException.class, () -> cache.get(null));
    assertThrows(NullPointerException.class, () -> cache.put("k", null));
    assertThrows(NullPointerException.class, () -> cache.put(null, "v"));
    assertThrows(NullPointerException.class, () -> cache.replace("k", null, "v"));
    assertThrows(NullPointerException.class, () -> cache.getAll(null));
    Set<String> withNull = new java.util.HashSet<>();
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> cache.getAll(withNull));
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> cache.putAll(nullValue));
    assertTrue(e.getMessage().contains("'nulls'"), e.getMessage());
    assertThrows(NullPointerException.class, () -> cache.invoke("k", null));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void wrongTypesForATypedCacheNameTheCache() {
    Cache raw = manager.createCache("typed",
        new MutableConfiguration<String, Integer>().setTypes(String.class, Integer.class));

    ClassCastException value = assertThrows(ClassCastException.class, () -> raw.put("k", "not a number"));
    assertTrue(value.getMessage().contains("Cache 'typed'"), value.getMessage());
    assertTrue(value.getMessage().contains("java.lang.Integer"), value.getMessage());
    ClassCastException key = assertThrows(ClassCastException.class, () -> raw.put(1, 1));
    assertTrue(key.getMessage().contains("java.lang.String"), key.getMessage());
    EntryProcessorException processor = assertThrows(EntryProcessorException.class, () -> raw.invoke("k",
        (entry, args) -> {
          entry.setValue("text");
          return null;
        }));
    assertTrue(processor.getCause() instanceof ClassCastException, "JCache wraps what a processor throws");
    assertFalse(raw.containsKey("k"));
    assertThrows(ClassCastException.class, () -> manager.getCache("typed", Integer.class, Integer.class));
  }

  @Test
  void operationsOnAClosedCacheFailWithIllegalStateNamingIt() {
    Cache<String, String> cache = manager.createCache("closing", new MutableConfiguration<>());
    cache.close();

    assertTrue(cache.isClosed());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> cache.get("k"));
    assertTrue(e.getMessage().contains("'closing'"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> cache.put("k", "v"));
    assertThrows(IllegalStateException.class, cache::iterator);
    assertNull(manager.getCache("closing"), "a closed cache leaves its manager");
  }

  @Test
  void createdExpiryRunsOnTheCacheClock() {
    Cache<String, String> cache = manager.createCache("created", new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 10))));
    cache.put("k", "v");

    clock.advanceMillis(9_999);
    assertEquals("v", cache.get("k"));
    clock.advanceMillis(1);
    assertNull(cache.get("k"));
  }

  @Test
  void accessedExpiryIsExtendedByReadsButNotByContainsKey() {
    Cache<String, String> cache = manager.createCache("accessed", new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 10))));
    cache.put("k", "v");

    clock.advanceMillis(8_000);
    assertEquals("v", cache.get("k"));
    clock.advanceMillis(8_000);
    assertTrue(cache.containsKey("k"));
    clock.advanceMillis(2_000);
    assertFalse(cache.containsKey("k"));
  }

  @Test
  void modifiedExpiryIsExtendedByUpdates() {
    Cache<String, String> cache = manager.createCache("modified", new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 10))));
    cache.put("k", "v1");
    clock.advanceMillis(8_000);
    cache.put("k", "v2");
    clock.advanceMillis(8_000);

    assertEquals("v2", cache.get("k"));
  }

  @Test
  void defaultTtlAppliesToEternalCachesOnly() {
    UnifiedCacheManager withTtl = TestManagers.create(clock, "cache.default-ttl", "30s");
    try {
      Cache<String, String> eternal = withTtl.createCache("eternal", new MutableConfiguration<>());
      Cache<String, String> explicit = withTtl.createCache("explicit", new MutableConfiguration<String, String>()
          .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ONE_HOUR)));
      eternal.put("k", "v");
      explicit.put("k", "v");

      clock.advanceMillis(30_000);

      assertNull(eternal.get("k"));
      assertEquals("v", explicit.get("k"));
    } finally {
      withTtl.close();
    }
  }

  @Test
  void boundedCacheEvictsAndCountsEvictions() {
    UnifiedCacheManager bounded = TestManagers.create(clock, "cache.memory.max-items", "50");
    try {
      UnifiedCache<Integer, Integer> cache = TestManagers.unified(bounded.createCache("bounded", new MutableConfiguration<Integer, Integer>()
          .setStatisticsEnabled(true)));
      for (int i = 0; i < 500; i++) {
        cache.put(i, i);
      }

      assertEquals(50, cache.size());
      assertEquals(450, cache.statistics().getCacheEvictions());
    } finally {
      bounded.close();
    }
  }

  @Test
  void listenersSeeCreatedUpdatedRemovedAndExpiredEventsWithValues() {
    RecordingListener<String, String> listener = new RecordingListener<>();
    Cache<String, String> cache = manager.createCache("events", new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 1)))
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(listener), null, true, true)));

    cache.put("k", "v1");
    cache.put("k", "v2");
    cache.remove("k");
    cache.put("e", "gone");
    clock.advanceMillis(1_000);
    assertNull(cache.get("e"));

    assertEquals(List.of("CREATED k null->v1", "UPDATED k v1->v2", "REMOVED k v2->v2", "CREATED e null->gone",
        "EXPIRED e gone->gone"), listener.events);
  }

  @Test
  void eachMemoryCacheIsSweptAtItsOwnInterval() throws InterruptedException {
    UnifiedCacheManager sweeping = TestManagers.create(clock, "cache.memory.cleanup-interval.fast", "20ms",
        "cache.default-ttl", "1s");
    try {
      UnifiedCache<String, String> fast = TestManagers.unified(sweeping.createCache("fast", new MutableConfiguration<String, String>())
          );
      UnifiedCache<String, String> slow = TestManagers.unified(sweeping.createCache("slow", new MutableConfiguration<String, String>())
          );
      fast.put("k", "v");
      slow.put("k", "v");
      clock.advanceMillis(1_000);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (fast.size() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }

      assertEquals(0, fast.size(), "swept every 20ms");
      assertEquals(1, slow.size(), "left to the default 5 minute sweep");
    } finally {
      sweeping.close();
    }
  }

  @Test
  void theBackgroundSweepFiresExpiredEvents() {
    RecordingListener<String, String> listener = new RecordingListener<>();
    UnifiedCache<String, String> cache = TestManagers.unified(manager.createCache("swept", new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 1)))
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(listener), null, false, true))));
    cache.put("k", "v");
    clock.advanceMillis(1_000);

    cache.sweepExpired();

    assertEquals(0, cache.size());
    assertEquals("EXPIRED k v->v", listener.events.get(1));
  }

  @Test
  void aThrowingSynchronousListenerFailsTheCallButTheChangeStands() {
    CacheEntryCreatedListener<String, String> broken = events -> {
      throw new IllegalStateException("listener bug");
    };
    Cache<String, String> cache = manager.createCache("broken-listener", new MutableConfiguration<String, String>()
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(new SerializableListener(broken)), null, false, true)));

    CacheEntryListenerException e = assertThrows(CacheEntryListenerException.class, () -> cache.put("k", "v"));

    assertTrue(e.getMessage().contains("'broken-listener'"), e.getMessage());
    assertEquals("v", cache.get("k"));
    cache.put("k", "v2");
    assertEquals("v2", cache.get("k"), "updates do not reach the created-only listener");
  }

  @Test
  void asynchronousListenersGetEachKeysEventsInOrder() throws Exception {
    RecordingListener<String, Integer> listener = new RecordingListener<>();
    Cache<String, Integer> cache = manager.createCache("async", new MutableConfiguration<String, Integer>()
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(listener), null, true, false)));

    for (int i = 0; i < 200; i++) {
      cache.put("k", i);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (listener.events.size() < 200 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    assertEquals(200, listener.events.size());
    for (int i = 1; i < 200; i++) {
      assertEquals("UPDATED k " + (i - 1) + "->" + i, listener.events.get(i));
    }
  }

  @Test
  void aFailingLoaderFailsTheReadAndStoresNothing() {
    FailingLoader loader = new FailingLoader();
    Cache<String, String> cache = manager.createCache("loader", new MutableConfiguration<String, String>()
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(loader)).setReadThrough(true));

    CacheLoaderException e = assertThrows(CacheLoaderException.class, () -> cache.get("k"));

    assertTrue(e.getMessage().contains("'loader'"), e.getMessage());
    assertFalse(cache.containsKey("k"));
  }

  @Test
  void readThroughLoadsMissesOnceAndBatchesGetAll() throws Exception {
    CountingLoader loader = new CountingLoader();
    Cache<String, String> cache = manager.createCache("read-through", new MutableConfiguration<String, String>()
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(loader)).setReadThrough(true));

    assertEquals("loaded-a", cache.get("a"));
    assertEquals("loaded-a", cache.get("a"));
    assertEquals(Map.of("a", "loaded-a", "b", "loaded-b", "c", "loaded-c"), cache.getAll(Set.of("a", "b", "c")));
    assertEquals(List.of("a", "[b, c]"), loader.calls());

    CompletionListenerFuture done = new CompletionListenerFuture();
    cache.loadAll(Set.of("a", "d"), false, done);
    done.get(10, TimeUnit.SECONDS);
    assertEquals("loaded-d", cache.get("d"));
  }

  @Test
  void aFailingWriterFailsTheWriteAndStoresNothing() {
    Cache<String, String> cache = manager.createCache("writer", new MutableConfiguration<String, String>()
        .setCacheWriterFactory(FactoryBuilder.factoryOf(new FailingWriter())).setWriteThrough(true));

    CacheWriterException e = assertThrows(CacheWriterException.class, () -> cache.put("k", "v"));

    assertTrue(e.getMessage().contains("'writer'"), e.getMessage());
    assertFalse(cache.containsKey("k"));
  }

  @Test
  void invokeUpdatesAtomicallyAndWrapsProcessorFailures() {
    Cache<String, Integer> cache = manager.createCache("invoke", new MutableConfiguration<>());

    for (int i = 0; i < 3; i++) {
      cache.invoke("counter", (entry, args) -> {
        entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
        return null;
      });
    }
    assertEquals(3, cache.get("counter"));

    EntryProcessorException e = assertThrows(EntryProcessorException.class, () -> cache.invoke("counter",
        (entry, args) -> {
          entry.setValue(100);
          throw new IllegalArgumentException("processor bug");
        }));
    assertTrue(e.getCause() instanceof IllegalArgumentException);
    assertEquals(3, cache.get("counter"), "a failed processor changes nothing");

    Map<String, EntryProcessorResult<Integer>> results = cache.invokeAll(Set.of("counter", "other"),
        (entry, args) -> entry.getValue());
    assertEquals(3, results.get("counter").get());
    assertFalse(results.containsKey("other"), "null results are left out");
  }

  @Test
  void iteratorRemovesThroughTheCache() {
    RecordingListener<String, String> listener = new RecordingListener<>();
    Cache<String, String> cache = manager.createCache("iterate", new MutableConfiguration<String, String>()
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(listener), null, false, true)));
    cache.putAll(Map.of("a", "1", "b", "2"));

    Iterator<Cache.Entry<String, String>> iterator = cache.iterator();
    assertThrows(IllegalStateException.class, iterator::remove);
    List<String> seen = new ArrayList<>();
    while (iterator.hasNext()) {
      seen.add(iterator.next().getKey());
      iterator.remove();
    }

    assertEquals(2, seen.size());
    assertFalse(cache.iterator().hasNext());
    assertEquals(2, listener.events.stream().filter(event -> event.startsWith("REMOVED")).count());
  }

  @Test
  void statisticsCountWhatCallersDid() {
    UnifiedCache<String, String> cache = TestManagers.unified(manager.createCache("stats", new MutableConfiguration<String, String>()
        .setStatisticsEnabled(true)));
    cache.get("missing");
    cache.put("k", "v");
    cache.get("k");
    cache.remove("k");

    assertEquals(1, cache.statistics().getCacheHits());
    assertEquals(1, cache.statistics().getCacheMisses());
    assertEquals(1, cache.statistics().getCachePuts());
    assertEquals(1, cache.statistics().getCacheRemovals());
    assertEquals(50f, cache.statistics().getCacheHitPercentage());

    manager.enableStatistics("stats", false);
    cache.get("k");
    assertEquals(1, cache.statistics().getCacheMisses(), "disabled statistics stop counting");
  }

  @Test
  void configurationIsACopyThatReflectsTheCurrentState() {
    Cache<String, String> cache = manager.createCache("config", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class));
    @SuppressWarnings("unchecked")
    CompleteConfiguration<String, String> first = cache.getConfiguration(CompleteConfiguration.class);

    manager.enableStatistics("config", true);
    @SuppressWarnings("unchecked")
    CompleteConfiguration<String, String> second = cache.getConfiguration(CompleteConfiguration.class);

    assertNotSame(first, second);
    assertFalse(first.isStatisticsEnabled());
    assertTrue(second.isStatisticsEnabled());
    assertEquals(String.class, second.getKeyType());
    assertThrows(IllegalArgumentException.class, () -> cache.getConfiguration(FakeConfiguration.class));
  }

  @Test
  void unwrapGivesTheImplementationOrFails() {
    Cache<String, String> cache = manager.createCache("unwrap", new MutableConfiguration<>());

    assertSame(cache, cache.unwrap(UnifiedCache.class));
    assertThrows(IllegalArgumentException.class, () -> cache.unwrap(String.class));
    assertSame(manager, manager.unwrap(UnifiedCacheManager.class));
  }

  @Test
  void closingTheCacheClosesWhatItsFactoriesCreated() {
    ClosableLoader.closed.set(0);
    Cache<String, String> cache = manager.createCache("closeables", new MutableConfiguration<String, String>()
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(ClosableLoader.class)));

    manager.destroyCache("closeables");

    assertTrue(cache.isClosed());
    assertEquals(1, ClosableLoader.closed.get());
  }

  @Test
  void destroyingACacheRemovesItsEntries() {
    Cache<String, String> cache = manager.createCache("destroy", new MutableConfiguration<>());
    cache.put("k", "v");

    manager.destroyCache("destroy");
    Cache<String, String> again = manager.createCache("destroy", new MutableConfiguration<>());

    assertNull(again.get("k"));
    assertTrue(cache.isClosed());
  }

  @Test
  void storeByReferenceHitsDoNotAllocate() {
    Cache<Long, Object> cache = manager.createCache("no-alloc", new MutableConfiguration<Long, Object>()
        .setStoreByValue(false));
    Long key = 42L;
    Object value = new Object();
    cache.put(key, value);
    for (int i = 0; i < 200_000; i++) {
      cache.get(key);
    }

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    Object last = null;
    for (int i = 0; i < 100_000; i++) {
      last = cache.get(key);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;

    assertSame(value, last);
    assertTrue(allocated < 10_000, allocated + " bytes allocated by 100,000 hits");
  }

  /** A configuration class the cache does not have. */
  private abstract static class FakeConfiguration implements CompleteConfiguration<String, String> {}

  /** A listener wrapper that can be put in a singleton factory. */
  private static final class SerializableListener
      implements CacheEntryCreatedListener<String, String>, java.io.Serializable {
    private final transient CacheEntryCreatedListener<String, String> delegate;

    SerializableListener(CacheEntryCreatedListener<String, String> delegate) {
      this.delegate = delegate;
    }

    @Override
    public void onCreated(Iterable<javax.cache.event.CacheEntryEvent<? extends String, ? extends String>> events) {
      delegate.onCreated(events);
    }
  }

  private static final class FailingLoader implements CacheLoader<String, String>, java.io.Serializable {
    @Override
    public String load(String key) {
      throw new IllegalStateException("database down");
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      throw new IllegalStateException("database down");
    }
  }

  private static final class CountingLoader implements CacheLoader<String, String>, java.io.Serializable {
    private final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public String load(String key) {
      calls.add(key);
      return "loaded-" + key;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      List<String> sorted = new ArrayList<>();
      keys.forEach(sorted::add);
      java.util.Collections.sort(sorted);
      calls.add(sorted.toString());
      Map<String, String> values = new HashMap<>();
      sorted.forEach(key -> values.put(key, "loaded-" + key));
      return values;
    }

    List<String> calls() {
      return calls;
    }
  }

  private static final class FailingWriter implements CacheWriter<String, String>, java.io.Serializable {
    @Override
    public void write(Cache.Entry<? extends String, ? extends String> entry) {
      throw new IllegalStateException("database down");
    }

    @Override
    public void writeAll(java.util.Collection<Cache.Entry<? extends String, ? extends String>> entries) {
      throw new IllegalStateException("database down");
    }

    @Override
    public void delete(Object key) {
      throw new IllegalStateException("database down");
    }

    @Override
    public void deleteAll(java.util.Collection<?> keys) {
      throw new IllegalStateException("database down");
    }
  }

  /** Counts how often instances are closed. */
  public static final class ClosableLoader implements CacheLoader<String, String>, AutoCloseable {
    static final java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String load(String key) {
      return null;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      return Map.of();
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }
}
