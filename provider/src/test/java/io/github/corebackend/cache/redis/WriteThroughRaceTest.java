package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.Concurrently;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Write-through on the redis backend under races: the writer (the system of record) is called exactly
 * once per operation that changes the cache, never for a loser, and ends up holding what the cache
 * holds. Two managers with their own connections stand for two JVMs.
 */
class WriteThroughRaceTest {

  private static final RedisTestServer SERVER = RedisTestServer.shared();
  /** The system of record the writers write to, shared by both "JVMs". */
  private static final Map<Integer, String> DATABASE = new ConcurrentHashMap<>();
  private static final AtomicInteger WRITES = new AtomicInteger();

  private final List<CacheManager> managers = new ArrayList<>();

  @AfterEach
  void closeManagers() {
    managers.forEach(manager -> {
      manager.getCacheNames().forEach(manager::destroyCache);
      manager.close();
    });
    DATABASE.clear();
    WRITES.set(0);
  }

  @Test
  void racingPutIfAbsentAndReplaceCallTheWriterOncePerSuccess() throws Exception {
    String namespace = "race-" + UUID.randomUUID();
    List<Cache<Integer, String>> caches = List.of(cache(namespace), cache(namespace));
    int keys = 500;
    AtomicInteger successes = new AtomicInteger();

    Concurrently.run(4, Duration.ofMinutes(2), thread -> {
      Cache<Integer, String> cache = caches.get(thread % 2);
      for (int key = 0; key < keys; key++) {
        if (cache.putIfAbsent(key, "created by " + thread)) {
          successes.incrementAndGet();
        }
        if (cache.replace(key, "replaced by " + thread)) {
          successes.incrementAndGet();
        }
      }
    });

    assertTrue(successes.get() >= 2 * keys, "each key was created once and replaced at least once");
    assertEquals(successes.get(), WRITES.get(), "one write-through per successful putIfAbsent or replace");
    for (int key = 0; key < keys; key++) {
      assertEquals(DATABASE.get(key), caches.get(0).get(key), "the system of record holds what the cache holds");
    }
  }

  private Cache<Integer, String> cache(String namespace) {
    CacheManager manager = RedisTestManagers.create(SERVER.url(), "cache.namespace", namespace);
    managers.add(manager);
    return manager.createCache("accounts", new MutableConfiguration<Integer, String>()
        .setTypes(Integer.class, String.class)
        .setWriteThrough(true)
        .setCacheWriterFactory(FactoryBuilder.factoryOf(RecordingWriter.class)));
  }

  /** Writes to {@link #DATABASE}, counting writes. */
  public static final class RecordingWriter implements CacheWriter<Integer, String> {
    @Override
    public void write(Cache.Entry<? extends Integer, ? extends String> entry) {
      WRITES.incrementAndGet();
      DATABASE.put(entry.getKey(), entry.getValue());
    }

    @Override
    public void writeAll(Collection<Cache.Entry<? extends Integer, ? extends String>> entries) {
      entries.forEach(this::write);
    }

    @Override
    public void delete(Object key) {
      DATABASE.remove(key);
    }

    @Override
    public void deleteAll(Collection<?> keys) {
      keys.forEach(this::delete);
    }
  }
}
