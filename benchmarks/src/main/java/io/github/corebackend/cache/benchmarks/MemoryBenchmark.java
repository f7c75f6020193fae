package io.github.corebackend.cache.benchmarks;

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
 * Reads, overwrites and a 90/10 mix on a cache that holds every key (Zipf 0.99 over 100,000 keys,
 * the capacity twice that), so every read hits and no write evicts: the cost of the cache layer and
 * its map, by reference and by value. Run with one thread and with two ({@code -t}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MemoryBenchmark {

  static final int KEYS = 100_000;
  private static final int TRACE = 1 << 20;
  private static final int MASK = TRACE - 1;

  @Param({"UNIFIED", "UNIFIED_BY_VALUE", "CAFFEINE_JCACHE", "CAFFEINE_JCACHE_BY_VALUE", "EHCACHE",
      "EHCACHE_BY_VALUE", "CACHE2K", "CACHE2K_BY_VALUE", "JSR107_RI", "JSR107_RI_BY_VALUE", "CAFFEINE",
      "CONCURRENT_HASH_MAP"})
  MemoryPeer peer;

  BenchmarkCache<Integer, Object> cache;
  Integer[] trace;
  Payload[] values;

  @Setup
  public void setUp() {
    cache = peer.open("memory", 2L * KEYS);
    values = new Payload[KEYS];
    for (int i = 0; i < KEYS; i++) {
      values[i] = new Payload(i);
      cache.put(i, values[i]);
    }
    trace = new ZipfTrace(KEYS, 0.99, 3).keys(TRACE);
  }

  @TearDown
  public void tearDown() {
    cache.close();
  }

  /** Each thread replays the trace from its own random start. */
  @State(Scope.Thread)
  public static class Cursor {
    int index = ThreadLocalRandom.current().nextInt(TRACE);
  }

  @Benchmark
  public Object get(Cursor cursor) {
    return cache.get(trace[cursor.index++ & MASK]);
  }

  @Benchmark
  public void put(Cursor cursor) {
    Integer key = trace[cursor.index++ & MASK];
    cache.put(key, values[key]);
  }

  /** Nine reads, then one overwrite. */
  @Benchmark
  public Object getPut(Cursor cursor) {
    int index = cursor.index++;
    Integer key = trace[index & MASK];
    if (index % 10 == 0) {
      cache.put(key, values[key]);
      return null;
    }
    return cache.get(key);
  }
}
