package io.github.corebackend.cache.redis;

import java.util.ArrayList;
import java.util.List;

/**
 * A Redis Cluster of three masters on loopback ports, for tests: slots split evenly, no replicas.
 */
public final class RedisTestCluster implements AutoCloseable {

  private static final int SLOTS = 16_384;

  private final List<RedisTestServer> nodes;

  private RedisTestCluster(List<RedisTestServer> nodes) {
    this.nodes = nodes;
  }

  /** Starts {@code masters} nodes and joins them into a cluster that is ready to serve. */
  public static RedisTestCluster start(int masters) {
    List<RedisTestServer> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < masters; i++) {
        int port = RedisTestServer.freePort();
        nodes.add(RedisTestServer.startOwn(port, List.of("--cluster-enabled", "yes",
            "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "2000")));
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
      awaitReady(nodes);
      return new RedisTestCluster(nodes);
    } catch (RuntimeException e) {
      nodes.forEach(RedisTestServer::close);
      throw e;
    }
  }

  /** The URL to configure the provider with. */
  public String url() {
    List<String> hosts = new ArrayList<>();
    for (RedisTestServer node : nodes) {
      hosts.add("127.0.0.1:" + node.port());
    }
    return "redis-cluster://" + String.join(",", hosts);
  }

  /** The masters, to look at each one's keys. */
  public List<RedisTestServer> nodes() {
    return nodes;
  }

  @Override
  public void close() {
    nodes.forEach(RedisTestServer::close);
  }

  private static void awaitReady(List<RedisTestServer> nodes) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      boolean ready = true;
      for (RedisTestServer node : nodes) {
        String info = node.command("CLUSTER", "INFO");
        ready &= info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + nodes.size());
      }
      if (ready) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("The test cluster did not become ready");
  }

  private static void expectOk(String reply) {
    if (!reply.equals("+OK")) {
      throw new IllegalStateException("Cluster setup failed: " + reply);
    }
  }
}
