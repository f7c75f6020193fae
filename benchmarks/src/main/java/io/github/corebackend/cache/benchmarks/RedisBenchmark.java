package io.github.corebackend.cache.benchmarks;

import io.github.corebackend.cache.redis.RedisTestServer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Single-key and 100-key reads and writes against one Redis server, over 8,192 present keys chosen
 * uniformly: every read hits. The server is the one the system property {@value #URL_PROPERTY}
 * names (the report passes the one it started), else {@code REDIS_URL}, else one started here on a
 * free loopback port. Run with 1 and 16 threads ({@code -t}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RedisBenchmark {

  /** System property naming the Redis server to use. */
  public static final String URL_PROPERTY = "benchmark.redis.url";

  static final int BATCH = 100;
  private static final int KEYS = 1 << 13;
  private static final int KEY_MASK = KEYS - 1;
  private static final int BATCHES = 256;
  private static final int BATCH_MASK = BATCHES - 1;

  @Param({"UNIFIED", "UNIFIED_NEAR", "REDISSON_JCACHE", "LETTUCE", "REDISSON_BUCKET"})
  RedisPeer peer;

  BenchmarkCache<String, Object> cache;
  String[] keys;
  Payload[] values;
  Set<String>[] keyBatches;
  Map<String, Object>[] entryBatches;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    String url = System.getProperty(URL_PROPERTY);
    cache = peer.open(url != null ? url : RedisTestServer.shared().url());
    keys = new String[KEYS];
    values = new Payload[KEYS];
    Map<String, Object> all = new HashMap<>();
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "key-" + i;
      values[i] = new Payload(i);
      all.put(keys[i], values[i]);
    }
    cache.putAll(all);
    Random random = new Random(5);
    keyBatches = batchesOf(new Set<?>[BATCHES]);
    entryBatches = batchesOf(new Map<?, ?>[BATCHES]);
    for (int b = 0; b < BATCHES; b++) {
      keyBatches[b] = new LinkedHashSet<>();
      entryBatches[b] = new LinkedHashMap<>();
      while (keyBatches[b].size() < BATCH) {
        int i = random.nextInt(KEYS);
        keyBatches[b].add(keys[i]);
        entryBatches[b].put(keys[i], values[i]);
      }
    }
  }

  @TearDown
  public void tearDown() {
    cache.close();
  }

  /** Each thread walks the keys and batches from its own random start. */
  @State(Scope.Thread)
  public static class Cursor {
    int index = ThreadLocalRandom.current().nextInt(KEYS);
  }

  @Benchmark
  public Object get(Cursor cursor) {
    return cache.get(keys[cursor.index++ & KEY_MASK]);
  }

  @Benchmark
  public void put(Cursor cursor) {
    int index = cursor.index++ & KEY_MASK;
    cache.put(keys[index], values[index]);
  }

  @Benchmark
  public Map<String, Object> getAll(Cursor cursor) {
    return cache.getAll(keyBatches[cursor.index++ & BATCH_MASK]);
  }

  @Benchmark
  public void putAll(Cursor cursor) {
    cache.putAll(entryBatches[cursor.index++ & BATCH_MASK]);
  }

  @SuppressWarnings("unchecked") // an array of a generic type can only be made with a wildcard
  private static <T> T[] batchesOf(Object[] array) {
    return (T[]) array;
  }
}
