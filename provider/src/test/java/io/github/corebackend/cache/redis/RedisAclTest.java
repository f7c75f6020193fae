package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The redis and near backends work as a Redis ACL user restricted to its namespace's keys, with the
 * commands the README lists and no others: every kind of operation, write-through (whose lock keys
 * live in the namespace too), expiry, iteration, clearing, and the near cache's tracking.
 */
class RedisAclTest {

  /** The namespace of the caches; the user may touch no key outside it. */
  private static final String NAMESPACE = "shop";
  /** The README's list, word for word. */
  static final String COMMANDS = "+evalsha +eval +script|load +mget +mset +time +scan +unlink "
      + "+get +set +del +pttl +pexpire +persist +getrange +setrange +client|tracking";

  private static RedisTestServer server;
  private final List<CacheManager> managers = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    server = RedisTestServer.startOwn();
    List<String> rules = new ArrayList<>(List.of("ACL", "SETUSER", "cache", "reset", "on", ">cache-pw",
        "~" + NAMESPACE + ":*", "resetchannels", "-@all"));
    rules.addAll(List.of(COMMANDS.split(" ")));
    assertEquals("+OK", server.command(rules.toArray(String[]::new)));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void closeManagers() {
    managers.forEach(CacheManager::close);
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis", "near"})
  void everyOperationWorksAsAUserRestrictedToTheNamespace(String backend) throws Exception {
    assertTrue(server.command("ACL", "DRYRUN", "cache", "GET", "other:key").contains("no permissions"),
        "the user may not read outside the namespace");
    CacheManager manager = manager(backend);
    Cache<String, String> plain = manager.createCache("plain-" + backend, new MutableConfiguration<>());
    Cache<String, String> through = manager.createCache("through-" + backend,
        new MutableConfiguration<String, String>().setWriteThrough(true)
            .setCacheWriterFactory(FactoryBuilder.factoryOf(HoldingWriter.class)));
    Cache<String, String> created = manager.createCache("created-" + backend,
        new MutableConfiguration<String, String>()
            .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 30))));
    Cache<String, String> shortLived = manager.createCache("short-" + backend,
        new MutableConfiguration<String, String>()
            .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 300))));
    Cache<String, String> accessed = manager.createCache("accessed-" + backend,
        new MutableConfiguration<String, String>()
            .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 30))));
    Cache<String, String> custom = manager.createCache("custom-" + backend,
        new MutableConfiguration<String, String>()
            .setExpiryPolicyFactory(FactoryBuilder.factoryOf(EternalOnceRead.class)));

    try {
      for (Cache<String, String> cache : List.of(plain, through, created, accessed, custom)) {
        exercise(cache);
      }
      // A server that forgot the scripts (restarted, flushed) gets them again with EVAL.
      assertEquals("+OK", server.command("SCRIPT", "FLUSH"));
      for (Cache<String, String> cache : List.of(plain, through, created, accessed, custom)) {
        exercise(cache);
      }
      custom.put("kept", "v");
      assertEquals("v", custom.get("kept"));
      assertEquals(":-1", server.command("PTTL", NAMESPACE + ":custom-" + backend + ":kept"), "made eternal");
      writeThroughWaitsForAnotherManagersLock(through, manager(backend).createCache("through-" + backend,
          new MutableConfiguration<String, String>().setWriteThrough(true)
              .setCacheWriterFactory(FactoryBuilder.factoryOf(HoldingWriter.class))));
      String key = "through-" + backend + "-k";
      assertTrue(through.putIfAbsent(key, "1"));
      assertEquals("1", RecordWriter.RECORD.get(key), "written through under its lock");
      assertTrue(through.replace(key, "1", "2"));
      assertEquals("2", through.getAndRemove(key));
      assertNull(RecordWriter.RECORD.get(key));

      shortLived.put("short", "lived");
      Thread.sleep(500);
      assertNull(shortLived.get("short"), "expired");
      accessed.put("idle", "v");
      assertEquals("v", accessed.get("idle"));
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError("Denied (ACL LOG): " + aclLog(), e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"near"})
  void aNearCacheHearsOfChangesAsARestrictedUser(String backend) throws Exception {
    Cache<String, String> reader = manager(backend).createCache("heard", new MutableConfiguration<>());
    Cache<String, String> writer = manager(backend).createCache("heard", new MutableConfiguration<>());
    writer.put("k", "v1");
    assertEquals("v1", reader.get("k"));
    assertEquals("v1", reader.get("k")); // a copy is kept now that tracking is on

    writer.put("k", "v2");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!"v2".equals(reader.get("k")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals("v2", reader.get("k"), "the change was reported to the reader; denied (ACL LOG): " + aclLog());
    assertTrue(server.command("CLIENT", "LIST").lines()
        .anyMatch(client -> client.contains(" user=cache ") && client.matches(".* flags=[^ ]*B.*")),
        "a connection of the user tracks keys in broadcasting mode: " + server.command("CLIENT", "LIST"));
  }

  /** Holds the lock of a key in one manager while the other's write of it waits (for PTTL). */
  private static void writeThroughWaitsForAnotherManagersLock(Cache<String, String> first,
      Cache<String, String> second) throws Exception {
    String key = "contended";
    HoldingWriter.arm();
    CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> first.put(key, HoldingWriter.HOLD));
    assertTrue(HoldingWriter.held.await(10, TimeUnit.SECONDS), "the first write holds the lock");
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> second.put(key, "second"));
    Thread.sleep(200);
    assertFalse(waiting.isDone(), "the second write waits for the first's lock");
    HoldingWriter.gate.countDown();
    holding.get(10, TimeUnit.SECONDS);
    waiting.get(10, TimeUnit.SECONDS);
    assertEquals("second", second.get(key));
    assertEquals("second", RecordWriter.RECORD.get(key));
  }

  /** Single-key and bulk operations, invoke, iteration, removeAll and clear. */
  private static void exercise(Cache<String, String> cache) {
    cache.put("a", "1");
    assertEquals("1", cache.get("a"));
    assertEquals("1", cache.get("a"));
    assertTrue(cache.containsKey("a"));
    assertFalse(cache.putIfAbsent("a", "x"));
    assertEquals("1", cache.getAndPut("a", "2"));
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      many.put("m" + i, "v" + i);
    }
    cache.putAll(many);
    assertEquals(many, cache.getAll(many.keySet()));
    assertEquals(3, (int) cache.invoke("a", (entry, args) -> {
      entry.setValue(entry.getValue() + "!");
      return entry.getValue().length() + 1;
    }));
    Set<String> keys = new HashSet<>();
    cache.forEach(entry -> keys.add(entry.getKey()));
    assertEquals(21, keys.size(), "iteration sees every key, no lock key");
    cache.removeAll(Set.of("m0", "m1"));
    assertFalse(cache.containsKey("m0"));
    cache.removeAll();
    assertFalse(cache.iterator().hasNext());
    cache.put("b", "1");
    cache.clear();
    assertNull(cache.get("b"));
  }

  /** An expiry of 30 s from creation that a read makes eternal: the touch that persists a key. */
  public static final class EternalOnceRead implements ExpiryPolicy, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Duration getExpiryForCreation() {
      return new Duration(TimeUnit.SECONDS, 30);
    }

    @Override
    public Duration getExpiryForAccess() {
      return Duration.ETERNAL;
    }

    @Override
    public Duration getExpiryForUpdate() {
      return null;
    }
  }

  /** Writes to {@link RecordWriter#RECORD}; the write of {@link #HOLD} waits for {@link #gate}. */
  public static final class HoldingWriter implements CacheWriter<Object, Object> {
    static final String HOLD = "hold";
    static volatile CountDownLatch held = new CountDownLatch(0);
    static volatile CountDownLatch gate = new CountDownLatch(0);

    static void arm() {
      held = new CountDownLatch(1);
      gate = new CountDownLatch(1);
    }

    @Override
    public void write(Cache.Entry<?, ?> entry) {
      if (HOLD.equals(entry.getValue())) {
        held.countDown();
        try {
          gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      new RecordWriter().write(entry);
    }

    @Override
    public void writeAll(Collection<Cache.Entry<?, ?>> entries) {
      entries.forEach(this::write);
    }

    @Override
    public void delete(Object key) {
      new RecordWriter().delete(key);
    }

    @Override
    public void deleteAll(Collection<?> keys) {
      keys.forEach(this::delete);
    }
  }

  private CacheManager manager(String backend) {
    CacheManager manager = RedisTestManagers.create("redis://cache:cache-pw@127.0.0.1:" + server.port(),
        "cache.backend", backend, "cache.namespace", NAMESPACE);
    managers.add(manager);
    return manager;
  }

  private static String aclLog() {
    RedisClient client = RedisClient.create("redis://127.0.0.1:" + server.port());
    try (StatefulRedisConnection<String, String> admin = client.connect()) {
      return admin.sync().aclLog().toString();
    } finally {
      client.shutdown();
    }
  }
}
