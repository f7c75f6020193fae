package io.github.corebackend.cache.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A Redis Cluster on loopback ports, for tests: masters with the slots split evenly, and optionally
 * one replica per master, which takes over when its master dies.
 */
public final class RedisTestCluster implements AutoCloseable {

  private static final int SLOTS = 16_384;

  private final List<RedisTestServer> nodes;
  private final List<RedisTestServer> replicas;

  private RedisTestCluster(List<RedisTestServer> nodes, List<RedisTestServer> replicas) {
    this.nodes = nodes;
    this.replicas = replicas;
  }

  /** Starts {@code masters} nodes and joins them into a cluster that is ready to serve. */
  public static RedisTestCluster start(int masters) {
    return start(masters, false);
  }

  /** Starts {@code masters} nodes, each with a replica in sync, as a cluster that is ready to serve. */
  public static RedisTestCluster startWithReplicas(int masters) {
    return start(masters, true);
  }

  private static RedisTestCluster start(int masters, boolean withReplicas) {
    List<RedisTestServer> nodes = new ArrayList<>();
    List<RedisTestServer> replicas = new ArrayList<>();
    try {
      for (int i = 0; i < masters; i++) {
        nodes.add(startNode());
      }
      for (int i = 0; i < masters; i++) {
        int from = i * SLOTS / masters;
        int to = (i + 1) * SLOTS / masters;
        List<String> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
        for (int slot = from; slot < to; slot++) {
          command.add(Integer.toString(slot));
        }
        expectOk(nodes.get(i).command(command.toArray(new String[0])));
      }
      for (int i = 1; i < masters; i++) {
        expectOk(nodes.get(0).command("CLUSTER", "MEET", "127.0.0.1", Integer.toString(nodes.get(i).port())));
      }
      if (withReplicas) {
        for (RedisTestServer master : nodes) {
          RedisTestServer replica = startNode();
          replicas.add(replica);
          expectOk(nodes.get(0).command("CLUSTER", "MEET", "127.0.0.1", Integer.toString(replica.port())));
          String masterId = master.command("CLUSTER", "MYID").replaceFirst("^\\+", "");
          awaitKnown(replica, masterId);
          expectOk(replica.command("CLUSTER", "REPLICATE", masterId));
        }
      }
      List<RedisTestServer> all = new ArrayList<>(nodes);
      all.addAll(replicas);
      awaitReady(all);
      for (RedisTestServer replica : replicas) {
        await(() -> replica.command("INFO", "replication").contains("master_link_status:up"), "replica in sync");
      }
      return new RedisTestCluster(nodes, replicas);
    } catch (RuntimeException e) {
      nodes.forEach(RedisTestServer::close);
      replicas.forEach(RedisTestServer::close);
      throw e;
    }
  }

  private static RedisTestServer startNode() {
    int port = RedisTestServer.freePort();
    return RedisTestServer.startOwn(port, List.of("--cluster-enabled", "yes",
        "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "2000"));
  }

  private static void awaitKnown(RedisTestServer node, String nodeId) {
    await(() -> node.command("CLUSTER", "NODES").contains(nodeId), "node " + nodeId + " known");
  }

  /** The URL to configure the provider with. */
  public String url() {
    List<String> hosts = new ArrayList<>();
    for (RedisTestServer node : nodes) {
      hosts.add("127.0.0.1:" + node.port());
    }
    return "redis-cluster://" + String.join(",", hosts);
  }

  /** The masters the cluster started with, to look at each one's keys. */
  public List<RedisTestServer> nodes() {
    return nodes;
  }

  /** The replicas, the {@code i}th of the {@code i}th master; empty without replicas. */
  public List<RedisTestServer> replicas() {
    return replicas;
  }

  /** Waits until {@code node} sees the cluster serving every slot. */
  public static void awaitServing(RedisTestServer node) {
    await(() -> node.command("CLUSTER", "INFO").contains("cluster_state:ok"), "cluster serving");
  }

  @Override
  public void close() {
    nodes.forEach(RedisTestServer::close);
    replicas.forEach(RedisTestServer::close);
  }

  private static void awaitReady(List<RedisTestServer> nodes) {
    await(() -> {
      boolean ready = true;
      for (RedisTestServer node : nodes) {
        String info = node.command("CLUSTER", "INFO");
        ready &= info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + nodes.size());
      }
      return ready;
    }, "the test cluster ready");
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("Timed out waiting for " + what);
  }

  private static void expectOk(String reply) {
    if (!reply.equals("+OK")) {
      throw new IllegalStateException("Cluster setup failed: " + reply);
    }
  }
}
