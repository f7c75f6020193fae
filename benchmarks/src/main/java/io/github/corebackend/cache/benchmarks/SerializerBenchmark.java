package io.github.corebackend.cache.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a redis cache pays in the JVM to write a value and read it back: one encode and one decode of
 * an {@link Order}, for each of our serializers and Redisson's codecs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SerializerBenchmark {

  @Param({"UNIFIED_JDK", "UNIFIED_JSON", "UNIFIED_JSON_UNTYPED", "UNIFIED_MSGPACK", "UNIFIED_MSGPACK_UNTYPED",
      "REDISSON_JDK", "REDISSON_JSON", "REDISSON_KRYO"})
  SerializerPeer peer;

  SerializerPeer.Codec codec;
  Order value;
  byte[] encoded;

  @Setup
  public void setUp() {
    codec = peer.open();
    value = Order.sample();
    encoded = codec.encode(value);
    if (!value.equals(codec.decode(encoded))) {
      throw new IllegalStateException(peer + " does not give back what it was given");
    }
  }

  @Benchmark
  public byte[] encode() {
    return codec.encode(value);
  }

  @Benchmark
  public Object decode() {
    return codec.decode(encoded);
  }
}
