package io.github.corebackend.cache.redis.lettuce;

import io.github.corebackend.cache.redis.RedisConnection;
import io.github.corebackend.cache.redis.RedisScript;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * {@link RedisConnection} over Lettuce: thread-safe multiplexed connections, automatic reconnection
 * (so a Redis that comes back is used again), and every command failed after the configured timeout.
 * A single server's commands are rejected at once while it is disconnected, so that callers fail
 * fast; a cluster's wait for their node's connection, which opens on demand.
 */
abstract class LettuceConnection implements RedisConnection {

  private static final byte[][] NO_BYTES = new byte[0][];

  private final AbstractRedisClient client;
  private final ClientResources resources;
  private final String address;
  private final Duration timeout;

  private LettuceConnection(AbstractRedisClient client, ClientResources resources, String address,
      Duration timeout) {
    this.client = client;
    this.resources = resources;
    this.address = address;
    this.timeout = timeout;
  }

  /**
   * Connects to {@code address}, each step within {@code timeouts}. A failure at any step shuts the
   * client and its threads down before it is reported, so that failed attempts leave nothing behind.
   *
   * @param poolSize connections to a single server, opened side by side (a cluster connection
   *     multiplexes per node)
   * @throws RedisFailure when no connection can be made
   */
  static LettuceConnection open(RedisAddress address, LettuceTimeouts timeouts, int poolSize) {
    ClientResources resources = DefaultClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .build();
    @Nullable AbstractRedisClient created = null;
    try {
      if (address.topology() == RedisAddress.Topology.CLUSTER) {
        RedisClusterClient client = RedisClusterClient.create(resources, address.uris());
        created = client;
        client.setOptions(ClusterClientOptions.builder()
            .autoReconnect(true)
            // Node connections open on demand: commands must wait for them (bounded by the timeout).
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
            .timeoutOptions(timeouts.timeoutOptions())
            .socketOptions(timeouts.socketOptions())
            .sslOptions(timeouts.sslOptions())
            .protocolVersion(ProtocolVersion.RESP2)
            // Lettuce 7 enables every adaptive refresh trigger (MOVED, ASK, reconnects) by default.
            .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                .enablePeriodicRefresh(Duration.ofSeconds(30))
                .build())
            .build());
        return new Cluster(client, resources, address.toString(), timeouts.command(),
            // The topology first: connectAsync needs it, and only the blocking connect would load it.
            timeouts.awaitConnection(client.refreshPartitionsAsync().toCompletableFuture()
                .thenCompose(topology -> client.connectAsync(ByteArrayCodec.INSTANCE)))).loadScripts();
      }
      RedisClient client = RedisClient.create(resources);
      created = client;
      client.setOptions(ClientOptions.builder()
          .autoReconnect(true)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          .timeoutOptions(timeouts.timeoutOptions())
          .socketOptions(timeouts.socketOptions())
          .sslOptions(timeouts.sslOptions())
          .protocolVersion(ProtocolVersion.RESP2)
          .build());
      List<ConnectionFuture<StatefulRedisConnection<byte[], byte[]>>> opening = new ArrayList<>(poolSize);
      for (int i = 0; i < poolSize; i++) {
        opening.add(client.connectAsync(ByteArrayCodec.INSTANCE, address.uris().get(0)));
      }
      List<StatefulRedisConnection<byte[], byte[]>> connections = new ArrayList<>(poolSize);
      for (ConnectionFuture<StatefulRedisConnection<byte[], byte[]>> connection : opening) {
        connections.add(timeouts.awaitConnection(connection));
      }
      return new Standalone(client, resources, address.toString(), timeouts.command(), connections).loadScripts();
    } catch (RuntimeException | Error e) {
      LettuceShutdown.afterFailure(created, resources, Duration.ofSeconds(1), e);
      if (e instanceof LinkageError) {
        throw new RedisFailure("cannot connect: " + LettuceFailures.linkage((LinkageError) e), e);
      }
      if (e instanceof RuntimeException && !(e instanceof RedisFailure)) {
        throw new RedisFailure("cannot connect: " + LettuceFailures.reason(e), e);
      }
      throw e;
    }
  }

  /**
   * Loads every script on every master, so that the first use of each is one EVALSHA; a server that
   * restarts forgets them, and answers NOSCRIPT once, which {@link #eval} handles with EVAL. Each
   * load is a command, bounded by the command timeout.
   */
  LettuceConnection loadScripts() {
    List<RedisFuture<String>> loads = new ArrayList<>();
    for (ScanTarget master : scanTargets()) {
      for (RedisScript script : RedisScript.values()) {
        loads.add(master.commands().scriptLoad(script.source()));
      }
    }
    for (RedisFuture<String> load : loads) {
      await(load);
    }
    return this;
  }

  /** The time a command may take. */
  final Duration commandTimeout() {
    return timeout;
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public int slot(byte[] key) {
    return 0;
  }

  /** The commands to send a call for keys of {@code slot} on; one pick per pipelined batch. */
  abstract RedisClusterAsyncCommands<byte[], byte[]> commands(int slot);

  /**
   * The commands to send a keyless command such as TIME on, to the node owning {@code slot}, given
   * the commands its keys were sent on.
   */
  abstract RedisClusterAsyncCommands<byte[], byte[]> nodeOf(int slot,
      RedisClusterAsyncCommands<byte[], byte[]> keyCommands);

  /** Every master, for SCAN and SCRIPT LOAD. */
  abstract List<ScanTarget> scanTargets();

  /**
   * The master that serves the slots of {@code failed} since a failover, learnt by a topology refresh
   * within the command timeout; {@code null} when the same node still serves them (it is down, not
   * replaced) or the refresh failed.
   */
  @Nullable ScanTarget successorOf(ScanTarget failed) {
    return null;
  }

  /** A master to scan: its node, a slot it serves (to find its successor), and its commands. */
  record ScanTarget(String nodeId, int slot, RedisClusterAsyncCommands<byte[], byte[]> commands) {}

  @Override
  public List<List<Object>> eval(RedisScript script, List<ScriptCall> calls) {
    List<RedisClusterAsyncCommands<byte[], byte[]>> targets = new ArrayList<>(calls.size());
    List<RedisFuture<List<Object>>> replies = new ArrayList<>(calls.size());
    for (ScriptCall call : calls) {
      RedisClusterAsyncCommands<byte[], byte[]> commands = commands(call.keys().isEmpty() ? 0 : slot(call.keys().get(0)));
      targets.add(commands);
      replies.add(commands.evalsha(script.sha1(), ScriptOutputType.MULTI, call.keys().toArray(NO_BYTES),
          call.args().toArray(NO_BYTES)));
    }
    List<List<Object>> results = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      try {
        results.add(await(replies.get(i)));
      } catch (RedisNoScriptException firstUseOnThisServer) {
        ScriptCall call = calls.get(i);
        results.add(await(targets.get(i).eval(script.source(), ScriptOutputType.MULTI,
            call.keys().toArray(NO_BYTES), call.args().toArray(NO_BYTES))));
      }
    }
    return results;
  }

  @Override
  public List<TimedValues> read(List<List<byte[]>> slotGroups, boolean withClock) {
    List<RedisFuture<List<KeyValue<byte[], byte[]>>>> replies = new ArrayList<>(slotGroups.size());
    List<RedisFuture<List<byte[]>>> clocks = new ArrayList<>(slotGroups.size());
    for (List<byte[]> group : slotGroups) {
      int slot = slot(group.get(0));
      RedisClusterAsyncCommands<byte[], byte[]> commands = commands(slot);
      replies.add(commands.mget(group.toArray(NO_BYTES)));
      if (withClock) {
        clocks.add(nodeOf(slot, commands).time());
      }
    }
    List<TimedValues> results = new ArrayList<>(slotGroups.size());
    for (int g = 0; g < slotGroups.size(); g++) {
      List<KeyValue<byte[], byte[]>> pairs = await(replies.get(g));
      List<byte[]> values = new ArrayList<>(pairs.size());
      for (KeyValue<byte[], byte[]> pair : pairs) {
        values.add(pair.getValueOrElse(null));
      }
      results.add(new TimedValues(withClock ? millisOf(await(clocks.get(g))) : TimedValues.NO_CLOCK, values));
    }
    return results;
  }

  /** Milliseconds since the epoch from a TIME reply: seconds and microseconds, as text. */
  private static long millisOf(List<byte[]> time) {
    long seconds = Long.parseLong(new String(time.get(0), StandardCharsets.US_ASCII));
    long micros = Long.parseLong(new String(time.get(1), StandardCharsets.US_ASCII));
    return seconds * 1000 + micros / 1000;
  }

  @Override
  public void store(List<List<byte[]>> slotGroups, List<List<byte[]>> values) {
    List<RedisFuture<String>> replies = new ArrayList<>(slotGroups.size());
    for (int g = 0; g < slotGroups.size(); g++) {
      List<byte[]> keys = slotGroups.get(g);
      // Keys are distinct arrays and MSET needs no lookup: identity is all the map must keep.
      @SuppressWarnings("ArrayAsKeyOfSetOrMap")
      Map<byte[], byte[]> entries = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        entries.put(keys.get(i), values.get(g).get(i));
      }
      replies.add(commands(slot(keys.get(0))).mset(entries));
    }
    for (RedisFuture<String> reply : replies) {
      await(reply);
    }
  }

  @Override
  public Iterator<List<byte[]>> scan(byte[] pattern, int batchSize) {
    return new ScanIterator(scanTargets(), ScanArgs.Builder.matches(pattern).limit(batchSize));
  }

  @Override
  public void ping() {
    await(commands(0).ping());
  }

  @Override
  public void unlink(List<byte[]> keys) {
    Map<Integer, List<byte[]>> bySlot = new LinkedHashMap<>();
    for (byte[] key : keys) {
      bySlot.computeIfAbsent(slot(key), slot -> new ArrayList<>()).add(key);
    }
    List<RedisFuture<Long>> replies = new ArrayList<>();
    for (Map.Entry<Integer, List<byte[]>> group : bySlot.entrySet()) {
      replies.add(commands(group.getKey()).unlink(group.getValue().toArray(NO_BYTES)));
    }
    for (RedisFuture<Long> reply : replies) {
      await(reply);
    }
  }

  @Override
  public void close() {
    LettuceShutdown.of(client, resources, Duration.ofSeconds(2));
  }

  /** Waits for a reply, a little longer than Lettuce's own command timeout, which fails it first. */
  private <T> T await(RedisFuture<T> reply) {
    try {
      return reply.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // A failed reply always has its cause; the wrapper stands in should one ever lack it.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof RedisNoScriptException) {
        throw (RedisNoScriptException) cause;
      }
      if (cause instanceof RedisCommandTimeoutException) {
        throw new RedisFailure("no reply within " + timeout.toMillis() + " ms", cause);
      }
      throw new RedisFailure(LettuceFailures.reason(cause), cause);
    } catch (TimeoutException e) {
      reply.cancel(true);
      throw new RedisFailure("no reply within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisFailure("interrupted while waiting for a reply", e);
    }
  }

  /**
   * Walks SCAN cursors over each master in turn. A master that fails is looked up again once: when a
   * replica has taken over its slots, the scan of them starts over on the new master (so keys already
   * handed out may come again, as SCAN allows) instead of failing until a periodic refresh.
   */
  private final class ScanIterator implements Iterator<List<byte[]>> {
    private final Iterator<ScanTarget> masters;
    private final ScanArgs args;
    /** The master being scanned and its cursor: both {@code null} before the first. */
    private @Nullable ScanTarget master;
    private @Nullable ScanCursor cursor;
    /** Whether the master being scanned already replaced one that failed. */
    private boolean succeeded;
    /** The next batch, found by {@link #hasNext()}; {@code null} until then. */
    private @Nullable List<byte[]> next;

    ScanIterator(List<ScanTarget> masters, ScanArgs args) {
      this.masters = masters.iterator();
      this.args = args;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (master == null || cursor == null || cursor.isFinished()) {
          if (!masters.hasNext()) {
            return false;
          }
          master = masters.next();
          cursor = ScanCursor.INITIAL;
          succeeded = false;
        }
        KeyScanCursor<byte[]> page;
        try {
          page = await(master.commands().scan(cursor, args));
        } catch (RedisFailure failure) {
          ScanTarget successor = succeeded ? null : successorOf(master);
          if (successor == null) {
            throw failure;
          }
          master = successor;
          cursor = ScanCursor.INITIAL;
          succeeded = true;
          continue;
        }
        cursor = page;
        if (!page.getKeys().isEmpty()) {
          next = page.getKeys();
        }
      }
      return true;
    }

    @Override
    public List<byte[]> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      List<byte[]> batch = Objects.requireNonNull(next, "hasNext() found the next batch");
      next = null;
      return batch;
    }
  }

  /** One server, directly or through Sentinel, over a few round-robin connections. */
  private static final class Standalone extends LettuceConnection {
    private final List<StatefulRedisConnection<byte[], byte[]>> connections;
    private final AtomicInteger turn = new AtomicInteger();

    Standalone(AbstractRedisClient client, ClientResources resources, String address, Duration timeout,
        List<StatefulRedisConnection<byte[], byte[]>> connections) {
      super(client, resources, address, timeout);
      this.connections = connections;
    }

    @Override
    RedisClusterAsyncCommands<byte[], byte[]> commands(int slot) {
      return connections.get(Math.floorMod(turn.getAndIncrement(), connections.size())).async();
    }

    @Override
    RedisClusterAsyncCommands<byte[], byte[]> nodeOf(int slot,
        RedisClusterAsyncCommands<byte[], byte[]> keyCommands) {
      // The same connection: both replies come back together, waking the caller once.
      return keyCommands;
    }

    @Override
    List<ScanTarget> scanTargets() {
      return List.of(new ScanTarget("", 0, commands(0)));
    }
  }

  /** A cluster: commands go to the master owning their slot. */
  private static final class Cluster extends LettuceConnection {
    private final RedisClusterClient clusterClient;
    private final StatefulRedisClusterConnection<byte[], byte[]> connection;

    Cluster(RedisClusterClient client, ClientResources resources, String address, Duration timeout,
        StatefulRedisClusterConnection<byte[], byte[]> connection) {
      super(client, resources, address, timeout);
      this.clusterClient = client;
      this.connection = connection;
    }

    @Override
    public int slot(byte[] key) {
      return SlotHash.getSlot(key);
    }

    @Override
    RedisClusterAsyncCommands<byte[], byte[]> commands(int slot) {
      return connection.async();
    }

    @Override
    RedisClusterAsyncCommands<byte[], byte[]> nodeOf(int slot,
        RedisClusterAsyncCommands<byte[], byte[]> keyCommands) {
      RedisClusterNode owner = connection.getPartitions().getPartitionBySlot(slot);
      // While the topology is being learnt, any node's clock will do: the nodes' clocks are synchronised.
      return owner == null ? connection.async() : connection.getConnection(owner.getNodeId()).async();
    }

    @Override
    List<ScanTarget> scanTargets() {
      List<ScanTarget> masters = new ArrayList<>();
      for (RedisClusterNode node : connection.getPartitions()) {
        if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.hasNoSlots()) {
          masters.add(targetOf(node, node.getSlots().get(0)));
        }
      }
      return masters;
    }

    @Override
    @Nullable ScanTarget successorOf(ScanTarget failed) {
      try {
        clusterClient.refreshPartitionsAsync().toCompletableFuture()
            .get(commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      RedisClusterNode owner = connection.getPartitions().getPartitionBySlot(failed.slot());
      return owner == null || owner.getNodeId().equals(failed.nodeId()) ? null : targetOf(owner, failed.slot());
    }

    private ScanTarget targetOf(RedisClusterNode node, int slot) {
      return new ScanTarget(node.getNodeId(), slot, connection.getConnection(node.getNodeId()).async());
    }
  }
}
