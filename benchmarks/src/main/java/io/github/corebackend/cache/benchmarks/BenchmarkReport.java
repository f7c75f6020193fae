package io.github.corebackend.cache.benchmarks;

import io.github.corebackend.cache.redis.RedisTestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the hit-ratio simulation and the JMH benchmarks, memory and Redis, and prints tables with each
 * peer's throughput as a ratio to Caffeine's JCache (memory) and to raw Lettuce (Redis). The Redis
 * benchmarks use a server this report starts on a free loopback port. Arguments: {@code short} (the
 * default, about ten minutes) or {@code full} (longer iterations), then optionally the parts to run,
 * of {@code hit-ratio}, {@code memory}, {@code redis} and {@code serializer} (all by default).
 */
public final class BenchmarkReport {

  private static final String[] PARTS = {"hit-ratio", "memory", "redis", "serializer"};
  private static final String[] MEMORY_OPERATIONS = {"get", "put", "getPut"};
  private static final String[] REDIS_OPERATIONS = {"get", "put", "getAll", "putAll"};
  private static final MemoryPeer[] ALLOCATION_PEERS = {MemoryPeer.UNIFIED, MemoryPeer.UNIFIED_BY_VALUE,
      MemoryPeer.CAFFEINE_JCACHE, MemoryPeer.CAFFEINE_JCACHE_BY_VALUE};

  private final boolean full;

  private BenchmarkReport(boolean full) {
    this.full = full;
  }

  /** Runs the report; see the class comment for the arguments. */
  public static void main(String[] args) throws RunnerException {
    String length = args.length > 0 ? args[0] : "short";
    if (!length.equals("short") && !length.equals("full")) {
      throw new IllegalArgumentException("Expected 'short' or 'full', not '" + length + "'");
    }
    Set<String> parts = args.length > 1 ? Set.of(Arrays.copyOfRange(args, 1, args.length)) : Set.of(PARTS);
    if (!Set.of(PARTS).containsAll(parts)) {
      throw new IllegalArgumentException("Parts are " + String.join(", ", PARTS) + ", not " + parts);
    }
    BenchmarkReport report = new BenchmarkReport(length.equals("full"));
    if (parts.contains("hit-ratio")) {
      HitRatio.print(report.full ? 4_000_000 : 1_000_000);
    }
    if (parts.contains("memory")) {
      report.memory();
      report.allocation();
    }
    if (parts.contains("redis")) {
      try (RedisTestServer server = RedisTestServer.startOwn()) {
        report.redis(server.url());
      }
    }
    if (parts.contains("serializer")) {
      report.serializer();
    }
  }

  private void memory() throws RunnerException {
    Scores scores = new Scores();
    for (int threads : new int[] {1, 2}) {
      scores.add(threads, run("memory, " + threads + " thread(s)",
          options(MemoryBenchmark.class, MEMORY_OPERATIONS).threads(threads)));
    }
    for (String operation : MEMORY_OPERATIONS) {
      System.out.printf("%nMemory %s, ops/us (x = ratio to Caffeine JCache with the same storage)%n", operation);
      System.out.printf("%-26s %12s %8s %12s %8s%n", "peer", "1 thread", "x", "2 threads", "x");
      for (MemoryPeer peer : MemoryPeer.values()) {
        String anchor = peer.name().endsWith("_BY_VALUE") ? MemoryPeer.CAFFEINE_JCACHE_BY_VALUE.name()
            : MemoryPeer.CAFFEINE_JCACHE.name();
        System.out.printf("%-26s %12.2f %8.2f %12.2f %8.2f%n", peer,
            scores.get(operation, peer.name(), 1), scores.ratio(operation, peer.name(), anchor, 1),
            scores.get(operation, peer.name(), 2), scores.ratio(operation, peer.name(), anchor, 2));
      }
    }
  }

  private void allocation() throws RunnerException {
    List<String> peers = new ArrayList<>();
    for (MemoryPeer peer : ALLOCATION_PEERS) {
      peers.add(peer.name());
    }
    ChainedOptionsBuilder options = options(MemoryBenchmark.class, "get")
        .param("peer", peers.toArray(String[]::new)).threads(1).addProfiler(GCProfiler.class);
    Collection<RunResult> results = run("memory get allocation", options);
    System.out.printf("%nMemory get, allocation per operation (-prof gc, 1 thread)%n");
    for (RunResult result : results) {
      Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
      System.out.printf("%-26s %10.1f B/op%n", result.getParams().getParam("peer"),
          allocated == null ? Double.NaN : allocated.getScore());
    }
  }

  private void redis(String url) throws RunnerException {
    Scores scores = new Scores();
    for (int threads : new int[] {1, 16}) {
      // Sixteen client threads and the server share the cores: throughput takes longer to settle.
      scores.add(threads, run("redis, " + threads + " thread(s)",
          options(RedisBenchmark.class, REDIS_OPERATIONS).threads(threads).warmupIterations(full ? 8 : 4)
          .jvmArgsAppend("-D" + RedisBenchmark.URL_PROPERTY + "=" + url)));
    }
    for (String operation : REDIS_OPERATIONS) {
      System.out.printf("%nRedis %s, ops/ms (x = ratio to raw Lettuce)%n", operation);
      System.out.printf("%-26s %12s %8s %12s %8s%n", "peer", "1 thread", "x", "16 threads", "x");
      for (RedisPeer peer : RedisPeer.values()) {
        String lettuce = RedisPeer.LETTUCE.name();
        System.out.printf("%-26s %12.2f %8.2f %12.2f %8.2f%n", peer,
            scores.get(operation, peer.name(), 1), scores.ratio(operation, peer.name(), lettuce, 1),
            scores.get(operation, peer.name(), 16), scores.ratio(operation, peer.name(), lettuce, 16));
      }
    }
    String ours = RedisPeer.UNIFIED.name();
    System.out.printf("%nRedis, ours against Redisson's JCache and against single calls%n");
    for (int threads : new int[] {1, 16}) {
      for (String operation : REDIS_OPERATIONS) {
        System.out.printf("%-10s %2d threads: %6.2f x Redisson JCache%n", operation, threads,
            scores.ratio(operation, ours, RedisPeer.REDISSON_JCACHE.name(), threads));
      }
      System.out.printf("getAll(%d) %2d threads: %6.2f x the keys/s of single gets%n", RedisBenchmark.BATCH,
          threads, RedisBenchmark.BATCH * scores.get("getAll", ours, threads) / scores.get("get", ours, threads));
    }
  }

  private void serializer() throws RunnerException {
    Scores scores = new Scores();
    scores.add(1, run("serializers, 1 thread", options(SerializerBenchmark.class, "encode", "decode").threads(1)));
    System.out.printf("%nSerializers, encode and decode of one Order, ops/us (x = ratio to the Redisson codec of"
        + " the same kind)%n");
    System.out.printf("%-24s %7s %10s %7s %10s %7s  %s%n", "peer", "bytes", "encode", "x", "decode", "x",
        "compared with");
    for (SerializerPeer peer : SerializerPeer.values()) {
      String anchor = anchorOf(peer).name();
      int bytes = peer.open().encode(Order.sample()).length;
      System.out.printf("%-24s %7d %10.2f %7.2f %10.2f %7.2f  %s%n", peer, bytes,
          scores.get("encode", peer.name(), 1), scores.ratio("encode", peer.name(), anchor, 1),
          scores.get("decode", peer.name(), 1), scores.ratio("decode", peer.name(), anchor, 1), anchor);
    }
  }

  /** Redisson's codec of the same kind: Java serialization, JSON, or a compact binary form. */
  private static SerializerPeer anchorOf(SerializerPeer peer) {
    String name = peer.name();
    if (name.contains("JSON")) {
      return SerializerPeer.REDISSON_JSON;
    }
    return name.contains("JDK") ? SerializerPeer.REDISSON_JDK : SerializerPeer.REDISSON_KRYO;
  }

  private ChainedOptionsBuilder options(Class<?> benchmark, String... operations) {
    TimeValue iteration = full ? TimeValue.seconds(1) : TimeValue.milliseconds(500);
    return new OptionsBuilder()
        .include(benchmark.getName() + "\\.(" + String.join("|", operations) + ")$")
        .forks(1)
        .warmupIterations(full ? 3 : 2).warmupTime(iteration)
        .measurementIterations(full ? 5 : 3).measurementTime(iteration)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT);
  }

  private static Collection<RunResult> run(String what, ChainedOptionsBuilder options) throws RunnerException {
    System.out.printf("%nmeasuring %s ...%n", what);
    return new Runner(options.build()).run();
  }

  /** Primary scores by operation, peer and thread count. */
  private static final class Scores {
    private final Map<String, Double> scores = new HashMap<>();

    void add(int threads, Collection<RunResult> results) {
      for (RunResult result : results) {
        String benchmark = result.getParams().getBenchmark();
        String operation = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        scores.put(key(operation, result.getParams().getParam("peer"), threads),
            result.getPrimaryResult().getScore());
      }
    }

    double get(String operation, String peer, int threads) {
      return scores.getOrDefault(key(operation, peer, threads), Double.NaN);
    }

    double ratio(String operation, String peer, String anchor, int threads) {
      return get(operation, peer, threads) / get(operation, anchor, threads);
    }

    private static String key(String operation, String peer, int threads) {
      return operation + "/" + peer + "/" + threads;
    }
  }
}
