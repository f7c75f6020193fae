package io.github.corebackend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.integration.ImmutableCacheEntry;
import io.github.corebackend.cache.spi.TimeSource;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;
import javax.cache.processor.MutableEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InvokeTest {

  private final UnifiedCacheManager manager = TestManagers.create(TimeSource.SYSTEM);
  private final RecordingListener<String, String> listener = new RecordingListener<>();
  private final RecordingWriter writer = new RecordingWriter();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void creatingThenRemovingInOneProcessorChangesNothing() {
    Cache<String, String> cache = cache(false);

    cache.invoke("k", (entry, args) -> {
      entry.setValue("v");
      assertTrue(entry.exists());
      entry.remove();
      assertFalse(entry.exists());
      return null;
    });

    assertFalse(cache.containsKey("k"));
    assertEquals(List.of(), writer.calls);
    assertEquals(List.of(), listener.events);
  }

  @Test
  void removingThenSettingAnExistingEntryIsOneUpdate() {
    Cache<String, String> cache = cache(false);
    cache.put("k", "v1");
    writer.calls.clear();

    cache.invoke("k", (entry, args) -> {
      entry.remove();
      entry.setValue("v2");
      return null;
    });

    assertEquals("v2", cache.get("k"));
    assertEquals(List.of("write k=v2"), writer.calls);
    assertEquals("UPDATED k v1->v2", listener.events.get(1));
  }

  @Test
  void removingAMissingEntryStillDeletesThroughButFiresNothing() {
    Cache<String, String> cache = cache(false);

    cache.invoke("k", (entry, args) -> {
      entry.remove();
      return null;
    });

    assertEquals(List.of("delete k"), writer.calls);
    assertEquals(List.of(), listener.events);
  }

  @Test
  void readingThroughInsideAProcessorStoresTheLoadedValueWithoutWritingItThrough() {
    UnifiedCache<String, String> cache = TestManagers.unified(cache(true));
    manager.enableStatistics(cache.getName(), true);

    String value = cache.invoke("k", (entry, args) -> entry.getValue());

    assertEquals("loaded-k", value);
    assertEquals("loaded-k", cache.get("k"));
    assertEquals(List.of(), writer.calls);
    assertEquals(List.of("CREATED k null->loaded-k"), listener.events);
    assertEquals(0, cache.statistics().getCachePuts(), "a load is not a put");
  }

  @Test
  void argumentsReachTheProcessorAndResultsComeBack() {
    Cache<String, String> cache = cache(false);
    cache.put("a", "1");

    Map<String, EntryProcessorResult<String>> results = cache.invokeAll(Set.of("a", "b"),
        (entry, args) -> entry.getKey() + args[0] + entry.exists(), "-");

    assertEquals("a-true", results.get("a").get());
    assertEquals("b-false", results.get("b").get());
  }

  @Test
  void failuresOfInvokeAllAreReportedPerKey() {
    Cache<String, String> cache = cache(false);

    Map<String, EntryProcessorResult<Object>> results = cache.invokeAll(Set.of("a"), (entry, args) -> {
      throw new IllegalStateException("bug");
    });

    EntryProcessorException e = assertThrows(EntryProcessorException.class, () -> results.get("a").get());
    assertTrue(e.getCause() instanceof IllegalStateException);
  }

  @Test
  void loaderFailuresInsideAProcessorAreLoaderExceptions() {
    Cache<String, String> cache = manager.createCache("failing-load", new MutableConfiguration<String, String>()
        .setReadThrough(true).setCacheLoaderFactory(FactoryBuilder.factoryOf(new FailingLoader())));

    assertThrows(CacheLoaderException.class, () -> cache.invoke("k", (entry, args) -> entry.getValue()));
  }

  @Test
  void theMutableEntryUnwrapsOnlyToItself() {
    Cache<String, String> cache = cache(false);

    Object unwrapped = cache.invoke("k", (entry, args) -> entry.unwrap(MutableEntry.class));
    assertTrue(unwrapped instanceof MutableEntry);
    EntryProcessorException e = assertThrows(EntryProcessorException.class,
        () -> cache.invoke("k", (entry, args) -> entry.unwrap(String.class)));
    assertTrue(e.getCause() instanceof IllegalArgumentException);
  }

  @Test
  void entriesAndEventsUnwrapToThemselves() {
    Cache<String, String> cache = cache(false);
    cache.put("k", "v");

    Cache.Entry<String, String> entry = cache.iterator().next();
    assertSame(entry, entry.unwrap(ImmutableCacheEntry.class));
    assertEquals(new ImmutableCacheEntry<>("k", "v"), entry);
    assertEquals(new ImmutableCacheEntry<>("k", "v").hashCode(), entry.hashCode());
    assertEquals("k=v", entry.toString());
    assertThrows(IllegalArgumentException.class, () -> entry.unwrap(String.class));
  }

  private Cache<String, String> cache(boolean readThrough) {
    return manager.createCache("invoke-" + readThrough, new MutableConfiguration<String, String>()
        .setReadThrough(readThrough)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(new PrefixLoader()))
        .setWriteThrough(true)
        .setCacheWriterFactory(FactoryBuilder.factoryOf(writer))
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(listener), null, true, true)));
  }

  private static final class PrefixLoader implements CacheLoader<String, String>, Serializable {
    @Override
    public String load(String key) {
      return "loaded-" + key;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class FailingLoader implements CacheLoader<String, String>, Serializable {
    @Override
    public String load(String key) {
      throw new IllegalStateException("down");
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      throw new IllegalStateException("down");
    }
  }

  private static final class RecordingWriter implements CacheWriter<String, String>, Serializable {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void write(Cache.Entry<? extends String, ? extends String> entry) {
      calls.add("write " + entry.getKey() + "=" + entry.getValue());
    }

    @Override
    public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
      entries.forEach(this::write);
      entries.clear();
    }

    @Override
    public void delete(Object key) {
      calls.add("delete " + key);
    }

    @Override
    public void deleteAll(Collection<?> keys) {
      keys.forEach(this::delete);
      keys.clear();
    }
  }
}
