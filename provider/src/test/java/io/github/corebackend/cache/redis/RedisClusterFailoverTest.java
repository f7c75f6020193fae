package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A master of a Redis Cluster dies and its replica takes over: whole-cache operations must follow the
 * new topology at once, rather than scan the dead master until a periodic refresh notices.
 */
class RedisClusterFailoverTest {

  @Test
  void iterationAndClearRightAfterAFailoverReachTheNewMaster() {
    try (RedisTestCluster cluster = RedisTestCluster.startWithReplicas(3);
        CacheManager manager = RedisTestManagers.create(cluster.url())) {
      Cache<String, Integer> cache = manager.createCache("failover", new MutableConfiguration<String, Integer>()
          .setTypes(String.class, Integer.class));
      Map<String, Integer> values = new HashMap<>();
      for (int i = 0; i < 300; i++) {
        values.put("key-" + i, i);
      }
      cache.putAll(values);
      assertEquals(values.size(), iterated(cache).size(), "the topology is known before the failover");
      RedisTestServer doomed = cluster.nodes().get(0);
      assertEquals(":1", doomed.command("WAIT", "1", "5000"), "the replica has every write");

      doomed.kill();
      RedisTestServer promoted = cluster.replicas().get(0);
      awaitPromotion(promoted);
      for (int i = 1; i < 3; i++) {
        RedisTestCluster.awaitServing(cluster.nodes().get(i));
        RedisTestCluster.awaitServing(cluster.replicas().get(i));
      }

      assertEquals(values.keySet(), iterated(cache), "every entry, the new master's included");
      cache.clear();
      assertFalse(cache.iterator().hasNext());
      assertTrue(promoted.command("DBSIZE").equals(":0"), "the new master's keys were cleared");
    }
  }

  private static Set<String> iterated(Cache<String, Integer> cache) {
    Set<String> keys = new HashSet<>();
    cache.forEach(entry -> keys.add(entry.getKey()));
    return keys;
  }

  private static void awaitPromotion(RedisTestServer replica) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!(replica.command("INFO", "replication").contains("role:master") && replica.command("CLUSTER", "INFO")
        .contains("cluster_state:ok"))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The replica was not promoted");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
