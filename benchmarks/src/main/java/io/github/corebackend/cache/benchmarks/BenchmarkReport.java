package io.github.corebackend.cache.benchmarks;

import io.github.corebackend.cache.redis.CommandMonitor;
import io.github.corebackend.cache.redis.RedisTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * Runs the hit-ratio simulation and the JMH benchmarks, memory, Redis and Hibernate, and prints tables
 * with each peer's throughput as a ratio to Caffeine's JCache (memory), to raw Lettuce (Redis) and to
 * Hibernate without a second-level cache. The Redis and Hibernate benchmarks use a Redis server this
 * report starts on a free loopback port; the Hibernate one a PostgreSQL database it creates on the
 * server at 127.0.0.1:5432 (see {@link HibernateDatabase}) and drops at the end. Arguments:
 * {@code short} (the default) or {@code full} (longer iterations), then optionally the parts to run, of
 * {@code hit-ratio}, {@code memory}, {@code redis}, {@code serializer} and {@code hibernate} (all by
 * default; without PostgreSQL, a default run skips {@code hibernate} and says why).
 */
public final class BenchmarkReport {

  private static final String[] PARTS = {"hit-ratio", "memory", "redis", "serializer", "hibernate"};
  private static final String[] MEMORY_OPERATIONS = {"get", "put", "getPut"};
  private static final String[] REDIS_OPERATIONS = {"get", "put", "getAll", "putAll"};
  private static final String[] HIBERNATE_OPERATIONS = {"find", "query"};
  private static final String GC_ALLOCATION = "gc.alloc.rate.norm";
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
    if (parts.contains("hibernate")) {
      String unreachable = HibernateDatabase.unreachableReason();
      if (unreachable != null && args.length <= 1) {
        System.out.printf("%nHibernate: skipped, %s%n", unreachable);
      } else {
        try (RedisTestServer server = RedisTestServer.startOwn(); HibernateDatabase database = HibernateDatabase.create()) {
          report.hibernate(server, database);
        }
      }
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

  private void hibernate(RedisTestServer server, HibernateDatabase database) throws RunnerException {
    Scores scores = new Scores();
    List<String> forkProperties = new ArrayList<>(List.of(database.forkProperties()));
    forkProperties.add("-D" + RedisBenchmark.URL_PROPERTY + "=" + server.url());
    int[] threadCounts = full ? new int[] {1, 2} : new int[] {1};
    for (int threads : threadCounts) {
      scores.add(threads, run("hibernate, " + threads + " thread(s)",
          // Hibernate's code paths take seconds of JIT compilation to settle, longer on a busy machine.
          options(HibernateBenchmark.class, HIBERNATE_OPERATIONS).threads(threads)
          .warmupIterations(full ? 8 : 6).warmupTime(TimeValue.seconds(1)).measurementIterations(full ? 6 : 4)
          .addProfiler(CpuTimeProfiler.class).addProfiler(GCProfiler.class)
          .jvmArgsAppend(forkProperties.toArray(String[]::new))));
    }
    String off = HibernatePeer.L2_OFF.name();
    for (String operation : HIBERNATE_OPERATIONS) {
      System.out.printf("%nHibernate %s on PostgreSQL, ops/ms (x = ratio to L2_OFF in the same run; cpu = CPU time"
          + " of the benchmark JVM's Java threads per op, us; KB = allocated per op)%n", operation);
      System.out.printf("%-16s %9s %7s %7s %7s", "peer", "1 thread", "x", "cpu", "KB");
      System.out.printf(full ? " %9s %7s %7s%n" : "%n", "2 threads", "x", "cpu");
      for (HibernatePeer peer : HibernatePeer.values()) {
        String name = peer.name();
        System.out.printf("%-16s %9.2f %7.2f %7.1f %7.1f", name,
            scores.get(operation, name, 1), scores.ratio(operation, name, off, 1),
            scores.secondary(CpuTimeProfiler.LABEL, operation, name, 1),
            scores.secondary(GC_ALLOCATION, operation, name, 1) / 1024);
        System.out.printf(full ? " %9.2f %7.2f %7.1f%n" : "%n", scores.get(operation, name, 2),
            scores.ratio(operation, name, off, 2), scores.secondary(CpuTimeProfiler.LABEL, operation, name, 2));
      }
    }
    String caffeine = HibernatePeer.CAFFEINE_JCACHE.name();
    System.out.printf("%nHibernate, ours against Caffeine's JCache as region cache (ops/ms ratio; cpu: Caffeine's CPU"
        + " per op / ours)%n");
    for (String operation : HIBERNATE_OPERATIONS) {
      for (int threads : threadCounts) {
        for (HibernatePeer peer : new HibernatePeer[] {HibernatePeer.UNIFIED_MEMORY, HibernatePeer.UNIFIED_NEAR}) {
          String name = peer.name();
          System.out.printf("%-6s %d thread(s) %-15s %6.2f x   cpu %6.2f x%n", operation, threads, name,
              scores.ratio(operation, name, caffeine, threads),
              scores.secondary(CpuTimeProfiler.LABEL, operation, caffeine, threads)
                  / scores.secondary(CpuTimeProfiler.LABEL, operation, name, threads));
        }
      }
    }
    hibernateRoundTrips(server, database);
  }

  /** What one find and one query send once the cache is warm, counted here, not timed. */
  private static void hibernateRoundTrips(RedisTestServer server, HibernateDatabase database) {
    int finds = 200;
    int queries = 50;
    System.out.printf("%nHibernate, what one operation sends once warm: SQL statements, and Redis round trips (client"
        + " commands, not those scripts run)%n");
    System.out.printf("%-16s %8s %8s  %-28s %8s %8s  %s%n", "peer", "find SQL", "Redis", "commands", "query SQL", "Redis",
        "commands");
    Book.Genre[] genres = Book.Genre.values();
    try (CommandMonitor redis = new CommandMonitor(server)) {
      for (HibernatePeer peer : HibernatePeer.values()) {
        try (HibernateFixture fixture = HibernateFixture.open(peer, server.url(), database)) {
          fixture.warmAndVerify();
          long sql = fixture.statements();
          Map<String, Integer> findCommands = countsOf(redis.clientCommandsOf(() -> {
            for (int i = 0; i < finds; i++) {
              fixture.find(1 + (i * 7919L) % HibernateDatabase.ROWS);
            }
          }));
          double findSql = (fixture.statements() - sql) / (double) finds;
          sql = fixture.statements();
          Map<String, Integer> queryCommands = countsOf(redis.clientCommandsOf(() -> {
            for (int i = 0; i < queries; i++) {
              fixture.query(genres[i % genres.length]);
            }
          }));
          double querySql = (fixture.statements() - sql) / (double) queries;
          System.out.printf("%-16s %8.2f %8.2f  %-28s %8.2f %8.2f  %s%n", peer, findSql, total(findCommands, finds),
              describe(findCommands, finds), querySql, total(queryCommands, queries), describe(queryCommands, queries));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot MONITOR the Redis server on port " + server.port(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while counting Redis commands", e);
    }
  }

  /** Each command name with how often it was sent. */
  private static Map<String, Integer> countsOf(List<String> commands) {
    Map<String, Integer> counts = new TreeMap<>();
    commands.forEach(command -> counts.merge(command, 1, Integer::sum));
    return counts;
  }

  private static double total(Map<String, Integer> commands, int operations) {
    return commands.values().stream().mapToInt(Integer::intValue).sum() / (double) operations;
  }

  private static String describe(Map<String, Integer> commands, int operations) {
    StringBuilder text = new StringBuilder();
    commands.forEach((name, count) -> text.append(text.length() == 0 ? "" : ", ")
        .append(String.format("%s %.2f", name, count / (double) operations)));
    return text.toString();
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

  /** Primary scores (and the profilers' secondary ones) by operation, peer and thread count. */
  private static final class Scores {
    private final Map<String, Double> scores = new HashMap<>();

    void add(int threads, Collection<RunResult> results) {
      for (RunResult result : results) {
        String benchmark = result.getParams().getBenchmark();
        String operation = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String peer = result.getParams().getParam("peer");
        scores.put(key(operation, peer, threads), result.getPrimaryResult().getScore());
        result.getSecondaryResults().forEach((label, secondary) ->
            scores.put(label + "@" + key(operation, peer, threads), secondary.getScore()));
      }
    }

    double get(String operation, String peer, int threads) {
      return scores.getOrDefault(key(operation, peer, threads), Double.NaN);
    }

    double secondary(String label, String operation, String peer, int threads) {
      return scores.getOrDefault(label + "@" + key(operation, peer, threads), Double.NaN);
    }

    double ratio(String operation, String peer, String anchor, int threads) {
      return get(operation, peer, threads) / get(operation, anchor, threads);
    }

    private static String key(String operation, String peer, int threads) {
      return operation + "/" + peer + "/" + threads;
    }
  }
}
