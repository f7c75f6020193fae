package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The redis backend against a three-master Redis Cluster on loopback ports. */
class RedisClusterTest {

  private static RedisTestCluster cluster;
  private static CacheManager manager;

  @BeforeAll
  static void start() {
    cluster = RedisTestCluster.start(3);
    manager = RedisTestManagers.create(cluster.url());
  }

  @AfterAll
  static void stop() {
    manager.close();
    cluster.close();
  }

  @Test
  void writeThroughLocksLieInTheirEntrysSlotWhateverBracesTheNamespaceHolds() {
    for (String namespace : new String[] {"plain", "te{nant", "a{b}c", "x{}y"}) {
      CacheManager braces = RedisTestManagers.create(cluster.url(), "cache.namespace", namespace);
      try {
        Cache<String, String> cache = braces.createCache("through", new MutableConfiguration<String, String>()
            .setWriteThrough(true).setCacheWriterFactory(FactoryBuilder.factoryOf(RecordWriter.class)));
        for (int i = 0; i < 60; i++) {
          String key = namespace + (i % 3 == 0 ? "{k" + i + "}" : "-k" + i); // some keys with hash tags
          assertTrue(cache.putIfAbsent(key, "v" + i), namespace + " " + key);
          assertTrue(cache.replace(key, "v" + i, "w" + i), namespace + " " + key);
          assertEquals("w" + i, RecordWriter.RECORD.get(key));
          assertTrue(cache.remove(key), namespace + " " + key);
          assertNull(RecordWriter.RECORD.get(key));
        }
      } finally {
        braces.close();
      }
    }
  }

  @Test
  void theNearBackendRefusesAClusterClearly() {
    CacheManager near = RedisTestManagers.create(cluster.url(), "cache.backend", "near");
    try {
      CacheException e = assertThrows(CacheException.class,
          () -> near.createCache("near", new MutableConfiguration<>()));

      assertTrue(e.getMessage().contains("'near'") && e.getMessage().contains("not a cluster"), e.getMessage());
    } finally {
      near.close();
    }
  }

  @Test
  void entriesSpreadOverTheMastersAndBulkOperationsSpanSlots() {
    Cache<String, Integer> cache = manager.createCache("spread", new MutableConfiguration<>());
    Map<String, Integer> values = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      values.put("key-" + i, i);
    }

    cache.putAll(values);

    int mastersWithKeys = 0;
    for (RedisTestServer node : cluster.nodes()) {
      if (Long.parseLong(node.command("DBSIZE").substring(1)) > 0) {
        mastersWithKeys++;
      }
    }
    assertTrue(mastersWithKeys > 1, "no hash tags: a cache's entries land on several masters");
    assertEquals(values, cache.getAll(values.keySet()));
    manager.destroyCache("spread");
  }

  @Test
  void clearAndIterationVisitEveryMasterAndStayInsideTheCache() {
    Cache<String, String> cleared = manager.createCache("cleared", new MutableConfiguration<>());
    Cache<String, String> kept = manager.createCache("kept", new MutableConfiguration<>());
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      cleared.put("c" + i, "v");
      kept.put("k" + i, "v");
      keys.add("c" + i);
    }

    Set<String> iterated = new HashSet<>();
    cleared.forEach(entry -> iterated.add(entry.getKey()));
    assertEquals(keys, iterated);

    cleared.clear();

    assertEquals(0, cleared.getAll(keys).size());
    assertEquals(200, kept.getAll(keysOf("k", 200)).size(), "another cache's keys are never touched");
    manager.destroyCache("cleared");
    manager.destroyCache("kept");
  }

  @Test
  void invokeAndConditionalWritesWorkOnAnyMaster() {
    Cache<String, Long> cache = manager.createCache("counters", new MutableConfiguration<>());
    for (int i = 0; i < 20; i++) {
      String key = "counter-" + i;
      for (int n = 0; n < 5; n++) {
        cache.invoke(key, (entry, args) -> {
          entry.setValue(entry.exists() ? entry.getValue() + 1 : 1L);
          return null;
        });
      }
      assertEquals(5L, cache.get(key));
      assertTrue(cache.replace(key, 5L, 6L));
      assertTrue(cache.remove(key, 6L));
      assertNull(cache.get(key));
    }
    manager.destroyCache("counters");
  }

  private static Set<String> keysOf(String prefix, int count) {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < count; i++) {
      keys.add(prefix + i);
    }
    return keys;
  }
}
