package io.github.corebackend.cache.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
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
 * Reads and mixed reads and writes on a populated cache that is not full, so that every read hits
 * and no write evicts: the cost of the JCache layer and the map.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReadBenchmark {

  private static final int SIZE = 1 << 14;
  private static final int MASK = SIZE - 1;

  @Param({"UNIFIED", "CAFFEINE", "EHCACHE", "CACHE2K"})
  Provider provider;

  Cache<Integer, Integer> cache;
  Integer[] keys;

  @Setup
  public void setUp() {
    cache = provider.createCache("read", 2L * SIZE);
    keys = new Integer[SIZE];
    for (int i = 0; i < SIZE; i++) {
      keys[i] = i;
      cache.put(keys[i], i);
    }
  }

  @TearDown
  public void tearDown() {
    Provider.close(cache);
  }

  /** Each thread walks the keys from its own random start. */
  @State(Scope.Thread)
  public static class Cursor {
    int index = ThreadLocalRandom.current().nextInt(SIZE);
  }

  @Benchmark
  public Integer get(Cursor cursor) {
    return cache.get(keys[cursor.index++ & MASK]);
  }

  @Benchmark
  public Integer getMostlyPutSometimes(Cursor cursor) {
    int index = cursor.index++ & MASK;
    if ((index & 3) == 0) {
      cache.put(keys[index], index);
      return null;
    }
    return cache.get(keys[index]);
  }
}
