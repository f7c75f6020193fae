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
 * The read-through pattern on a full cache with a skewed key distribution: a get, and a put on a
 * miss, which evicts. Measures the eviction policy's cost under the load it exists for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvictionBenchmark {

  private static final int CAPACITY = 10_000;
  private static final int TRACE = 1 << 20;
  private static final int MASK = TRACE - 1;

  @Param({"UNIFIED", "CAFFEINE_JCACHE", "EHCACHE", "CACHE2K", "CAFFEINE"})
  MemoryPeer peer;

  BenchmarkCache<Integer, Object> cache;
  Integer[] trace;

  @Setup
  public void setUp() {
    cache = peer.open("eviction", CAPACITY);
    trace = new ZipfTrace(1_000_000, 0.9, 7).keys(TRACE);
    for (int i = 0; i < CAPACITY * 4; i++) {
      cache.put(trace[i], i);
    }
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
  public Object getOrPut(Cursor cursor) {
    Integer key = trace[cursor.index++ & MASK];
    Object value = cache.get(key);
    if (value == null) {
      cache.put(key, key);
    }
    return value;
  }
}
