package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.Concurrently;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The near backend against a real server: reads served from memory, copies dropped when any JVM
 * changes the entry, never outliving it, and forgotten when the connection to Redis is lost. Two
 * managers with their own connections stand for two JVMs.
 */
class NearBackendTest {

  private static final RedisTestServer SERVER = RedisTestServer.shared();

  private final String namespace = "near-" + UUID.randomUUID();
  private final List<CacheManager> managers = new ArrayList<>();

  @AfterEach
  void closeManagers() {
    for (CacheManager manager : managers) {
      if (!manager.isClosed()) {
        manager.getCacheNames().forEach(manager::destroyCache);
        manager.close();
      }
    }
  }

  @Test
  void aSecondReadIsServedFromMemoryWithoutARoundTrip() throws Exception {
    Cache<String, String> cache = jvm(SERVER).createCache("users", new MutableConfiguration<>());
    cache.put("alice", "Alice");
    awaitCopy(SERVER, cache, "alice");

    try (CommandMonitor monitor = new CommandMonitor(SERVER)) {
      List<String> commands = monitor.clientCommandsOf(() -> {
        for (int i = 0; i < 10; i++) {
          assertEquals("Alice", cache.get("alice"));
        }
        assertEquals(Map.of("alice", "Alice"), cache.getAll(Set.of("alice")));
        assertTrue(cache.containsKey("alice"));
      });

      assertEquals(List.of(), commands);
    }
  }

  /**
   * With a bound shorter than the tracker's heartbeat, the invalidations are almost never confirmed
   * recently enough: reads go to Redis, although the copy is there.
   */
  @Test
  void aCopyIsServedOnlyWhileItsInvalidationsAreConfirmedWithinTheBound() throws Exception {
    CacheManager manager = RedisTestManagers.create(SERVER.url(), "cache.backend", "near",
        "cache.namespace", namespace, "cache.near.max-staleness", "1ms");
    managers.add(manager);
    Cache<String, String> cache = manager.createCache("users", new MutableConfiguration<>());
    cache.put("alice", "Alice");
    cache.get("alice");

    try (CommandMonitor monitor = new CommandMonitor(SERVER)) {
      List<String> commands = monitor.clientCommandsOf(() -> {
        for (int i = 0; i < 10; i++) {
          assertEquals("Alice", cache.get("alice"));
        }
      });
      assertTrue(commands.size() >= 5, "most reads reach Redis: " + commands);
    }
  }

  @Test
  void readsThatMoveTheExpiryAlwaysReachRedis() throws Exception {
    Cache<String, String> cache = jvm(SERVER).createCache("sessions", new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_HOUR)));
    cache.put("s", "v");
    cache.get("s");

    try (CommandMonitor monitor = new CommandMonitor(SERVER)) {
      assertEquals(List.of("EVALSHA"), monitor.clientCommandsOf(() -> assertEquals("v", cache.get("s"))));
    }
  }

  @Test
  void aChangeMadeByAnotherJvmReplacesTheCopy() {
    Cache<String, String> first = jvm(SERVER).createCache("users", new MutableConfiguration<>());
    Cache<String, String> second = jvm(SERVER).createCache("users", new MutableConfiguration<>());
    first.put("alice", "Alice");
    assertEquals("Alice", first.get("alice"));
    assertEquals("Alice", second.get("alice"));

    second.put("alice", "Alice II");
    assertEquals("Alice II", eventually(() -> first.get("alice"), "Alice II"::equals));

    second.remove("alice");
    assertNull(eventually(() -> first.get("alice"), Objects::isNull));
    first.put("bob", "Bob");
    assertEquals("Bob", second.get("bob"));
    second.clear();
    assertNull(eventually(() -> first.get("bob"), Objects::isNull));
  }

  @Test
  void aJvmSeesItsOwnWritesAtOnce() {
    Cache<String, Integer> cache = jvm(SERVER).createCache("counters", new MutableConfiguration<>());
    for (int i = 0; i < 100; i++) {
      cache.put("c", i);
      assertEquals(i, cache.get("c"));
    }
    cache.invoke("c", (entry, args) -> {
      entry.setValue(entry.getValue() + 1);
      return null;
    });
    assertEquals(100, cache.get("c"));
  }

  @Test
  void underConcurrentReadsNoStaleCopySurvivesTheLastChange() throws Exception {
    Cache<String, Integer> reader = jvm(SERVER).createCache("hot", new MutableConfiguration<>());
    Cache<String, Integer> writer = jvm(SERVER).createCache("hot", new MutableConfiguration<>());
    writer.put("k", 0);
    AtomicBoolean writing = new AtomicBoolean(true);
    int last = 2_000;

    Concurrently.run(5, Duration.ofSeconds(60), thread -> {
      if (thread == 0) {
        for (int i = 1; i <= last; i++) {
          writer.put("k", i);
        }
        writing.set(false);
      } else {
        while (writing.get()) {
          reader.get("k");
        }
      }
    });

    assertEquals(last, eventually(() -> reader.get("k"), value -> value == last));
    for (int i = 0; i < 100; i++) {
      assertEquals(last, reader.get("k"), "a read after the report never finds an older copy");
    }
  }

  @Test
  void aCopyNeverOutlivesItsEntry() throws InterruptedException {
    Cache<String, String> cache = jvm(SERVER).createCache("short", new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
            new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, 300))));
    cache.put("k", "v");
    assertEquals("v", cache.get("k"));

    Thread.sleep(400);

    assertNull(cache.get("k"));
  }

  @Test
  void copiesAreForgottenWhenTheConnectionIsLost() {
    try (RedisTestServer own = RedisTestServer.startOwn()) {
      CacheManager manager = jvm(own);
      managers.remove(manager);
      Cache<String, String> cache = manager.createCache("users", new MutableConfiguration<>());
      cache.put("alice", "Alice");
      awaitCopy(own, cache, "alice");

      own.restart(); // empty again: a copy kept now would be a value Redis no longer has

      assertNull(eventually(() -> {
        try {
          return cache.get("alice");
        } catch (javax.cache.CacheException reconnecting) {
          return "reconnecting";
        }
      }, Objects::isNull));
      // Each pooled connection comes back on its own: retry until the put is through.
      assertEquals("stored", eventually(() -> {
        try {
          cache.put("alice", "Alice again");
          return "stored";
        } catch (javax.cache.CacheException reconnecting) {
          return "reconnecting";
        }
      }, "stored"::equals));
      assertEquals("Alice again", eventually(() -> {
        try {
          return cache.get("alice");
        } catch (javax.cache.CacheException reconnecting) {
          return "reconnecting";
        }
      }, "Alice again"::equals));
      manager.close();
    }
  }

  @Test
  void storeByReferenceIsRefused() {
    CacheManager manager = jvm(SERVER);

    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> manager.createCache("refs", new MutableConfiguration<>().setStoreByValue(false)));

    assertTrue(e.getMessage().contains("near backend"), e.getMessage());
    assertFalse(manager.getCacheNames().iterator().hasNext());
  }

  private CacheManager jvm(RedisTestServer server) {
    CacheManager manager = RedisTestManagers.create(server.url(), "cache.backend", "near",
        "cache.namespace", namespace);
    managers.add(manager);
    return manager;
  }

  /**
   * Reads {@code key} until a read needs no command: Redis also reports this JVM's own writes, a
   * moment later, and a copy read before that report is dropped once.
   */
  private static void awaitCopy(RedisTestServer server, Cache<String, String> cache, String key) {
    try (CommandMonitor monitor = new CommandMonitor(server)) {
      for (int attempt = 0; attempt < 100; attempt++) {
        if (monitor.clientCommandsOf(() -> cache.get(key)).isEmpty()) {
          return;
        }
        Thread.sleep(20);
      }
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("the copy of " + key + " was never kept");
  }

  /** Polls {@code read} until {@code done} holds, for at most five seconds; returns the last value. */
  private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      value = read.get();
    }
    return value;
  }
}
