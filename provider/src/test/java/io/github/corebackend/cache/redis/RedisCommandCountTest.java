package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Counts what each JCache call sends to Redis: one round trip per single-key operation and one for a
 * bulk operation on a single server. That is one EVALSHA where the script has something to decide;
 * reads that leave the expiry alone are an MGET sent with a TIME (a plain MGET in an eternal cache),
 * and puts into an eternal cache without listeners a plain MSET. Runs on a server of its own so that nothing else talks to it.
 */
class RedisCommandCountTest {

  private static RedisTestServer server;
  private static CommandMonitor monitor;
  private static CacheManager manager;
  private static Cache<String, String> cache;
  private static Cache<String, String> eternal;
  private static Cache<String, String> created;

  @BeforeAll
  static void start() throws Exception {
    server = RedisTestServer.startOwn();
    manager = RedisTestManagers.create(server.url(), "cache.redis.pool-size", "1");
    cache = manager.createCache("counted", new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(Duration.ONE_HOUR))
        .setStatisticsEnabled(true));
    eternal = manager.createCache("eternal", new MutableConfiguration<String, String>());
    created = manager.createCache("created", new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ONE_HOUR)));
    // Connect and load every script once, so that the counts below are steady-state ones.
    cache.put("warm", "up");
    cache.get("warm");
    cache.containsKey("warm");
    cache.invoke("warm", (entry, args) -> null);
    monitor = new CommandMonitor(server);
  }

  @AfterAll
  static void stop() throws Exception {
    monitor.close();
    manager.close();
    server.close();
  }

  @Test
  void everySingleKeyOperationIsOneEvalsha() throws Exception {
    cache.put("k", "v0");
    Map<String, Runnable> operations = new java.util.LinkedHashMap<>();
    operations.put("get", () -> cache.get("k"));
    operations.put("get of a missing key", () -> cache.get("missing"));
    operations.put("containsKey", () -> cache.containsKey("k"));
    operations.put("put", () -> cache.put("k", "v1"));
    operations.put("getAndPut", () -> cache.getAndPut("k", "v2"));
    operations.put("putIfAbsent", () -> cache.putIfAbsent("k", "v3"));
    operations.put("replace", () -> cache.replace("k", "v4"));
    operations.put("replace if equal", () -> cache.replace("k", "v4", "v5"));
    operations.put("getAndReplace", () -> cache.getAndReplace("k", "v6"));
    operations.put("remove if equal", () -> cache.remove("k", "other"));
    operations.put("getAndRemove", () -> cache.getAndRemove("k"));
    operations.put("remove", () -> cache.remove("k"));

    for (Map.Entry<String, Runnable> operation : operations.entrySet()) {
      assertEquals(List.of("EVALSHA"), monitor.clientCommandsOf(operation.getValue()), operation.getKey());
    }
  }

  @Test
  void getAllOfAHundredKeysIsOneRoundTrip() throws Exception {
    Map<String, String> values = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      values.put("bulk-" + i, "v" + i);
      keys.add("bulk-" + i);
    }

    assertEquals(List.of("EVALSHA"), monitor.clientCommandsOf(() -> cache.putAll(values)), "putAll");
    List<String> getAll = monitor.clientCommandsOf(() -> assertEquals(100, cache.getAll(keys).size()));
    assertEquals(List.of("EVALSHA"), getAll, "getAll");
    assertEquals(List.of("EVALSHA"), monitor.clientCommandsOf(() -> cache.removeAll(keys)), "removeAll");
  }

  @Test
  void invokeIsAReadAndACompareAndSet() throws Exception {
    List<String> commands = monitor.clientCommandsOf(() -> cache.invoke("counter", (entry, args) -> {
      entry.setValue("1");
      return null;
    }));

    assertEquals(List.of("MGET", "TIME", "EVALSHA"), commands);
  }

  @Test
  void anEternalCacheThatMeetsAnEntryWithADeadlineLetsTheScriptJudgeIt() throws Exception {
    String namespace = "mixed-" + System.nanoTime();
    CacheManager eternalSide = RedisTestManagers.create(server.url(), "cache.namespace", namespace,
        "cache.redis.pool-size", "1");
    CacheManager expiringSide = RedisTestManagers.create(server.url(), "cache.namespace", namespace,
        "cache.redis.pool-size", "1");
    try {
      Cache<String, String> reader = eternalSide.createCache("shared", new MutableConfiguration<>());
      Cache<String, String> writer = expiringSide.createCache("shared", new MutableConfiguration<String, String>()
          .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ONE_HOUR)));
      writer.put("k", "v");
      reader.get("warm-up");

      List<String> commands = monitor.clientCommandsOf(() -> assertEquals("v", reader.get("k")));

      assertEquals(List.of("MGET", "EVALSHA"), commands);
    } finally {
      eternalSide.close();
      expiringSide.close();
    }
  }

  @Test
  void anEternalCacheReadsWithAnMgetAndPutsWithAnMset() throws Exception {
    assertEquals(List.of("MSET"), monitor.clientCommandsOf(() -> eternal.put("k", "v")), "put");
    assertEquals(List.of("MGET"), monitor.clientCommandsOf(() -> assertEquals("v", eternal.get("k"))), "get");
    assertEquals(List.of("MGET"), monitor.clientCommandsOf(() -> assertNull(eternal.get("none"))),
        "get of a missing key");
    assertEquals(List.of("EVALSHA"), monitor.clientCommandsOf(() -> eternal.getAndPut("k", "w")),
        "getAndPut needs the old value");

    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      values.put("bulk-" + i, "v" + i);
    }
    assertEquals(List.of("MSET"), monitor.clientCommandsOf(() -> eternal.putAll(values)), "putAll");
    assertEquals(List.of("MGET"),
        monitor.clientCommandsOf(() -> assertEquals(values, eternal.getAll(values.keySet()))), "getAll");
  }

  @Test
  void aCreatedExpiryCacheReadsWithMgetAndDecidesPutsInAScript() throws Exception {
    assertEquals(List.of("EVALSHA"), monitor.clientCommandsOf(() -> created.put("k", "v")), "put");
    assertEquals(List.of("MGET", "TIME"), monitor.clientCommandsOf(() -> assertEquals("v", created.get("k"))),
        "get");
  }
}
