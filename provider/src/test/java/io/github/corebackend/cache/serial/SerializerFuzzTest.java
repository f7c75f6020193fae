package io.github.corebackend.cache.serial;

import static io.github.corebackend.cache.serial.SerializerFixtures.allocatedBy;
import static io.github.corebackend.cache.serial.SerializerFixtures.nested;
import static io.github.corebackend.cache.serial.SerializerFixtures.remote;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Whatever bytes a shared store holds, reading them back returns a value or throws a
 * {@link CacheSerializationException}, never anything else, in bounded time and memory: random bytes,
 * valid payloads truncated, bit-flipped, length-patched or spliced, deep nesting and huge length
 * claims, through the jdk, json and msgpack serializers of untyped and typed caches.
 *
 * <p>A seeded {@link Random} with fixed tries: the build runs the same inputs in a few seconds, and a
 * failure names the seed of its input. Set {@code -Dserial.fuzz.seed=N} to explore others.
 */
class SerializerFuzzTest {

  private static final long SEED = Long.getLong("serial.fuzz.seed", 20261201);
  /** Far more than any of these small inputs may make a reader allocate. */
  private static final long MAX_ALLOCATED = 32 << 20;
  private static final long MAX_NANOS = 5_000_000_000L;

  private static final List<Target> TARGETS = List.of(
      new Target("jdk", Object.class), new Target("jdk", ArrayList.class),
      new Target("json", Object.class), new Target("json", ArrayList.class),
      new Target("json", SampleValues.Person.class),
      new Target("msgpack", Object.class), new Target("msgpack", ArrayList.class),
      new Target("msgpack", SampleValues.Person.class));

  @Test
  void randomBytes() {
    forEachTry(1500, (target, random, seed) -> {
      byte[] bytes = new byte[random.nextInt(301)];
      random.nextBytes(bytes);
      target.mustReadOrRefuse(bytes, seed);
    });
  }

  @Test
  void mutatedValidPayloads() {
    forEachTry(3000, (target, random, seed) -> {
      List<Object> samples = target.samples();
      byte[] bytes = target.serializer.serialize(samples.get(random.nextInt(samples.size())));
      for (int i = 1 + random.nextInt(4); i > 0; i--) {
        bytes = Mutation.values()[random.nextInt(Mutation.values().length)].apply(bytes, random);
      }
      target.mustReadOrRefuse(bytes, seed);
    });
  }

  @Test
  void deepNestingAndHugeClaims() {
    int[] claims = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 300_000_000, 1 << 24};
    int[] formats = {0xC6, 0xDB, 0xC9, 0xDD, 0xDF}; // msgpack bin, str, ext, array, map with 32-bit lengths
    forEachTry(200, (target, random, seed) -> {
      int depth = 1 + random.nextInt(60_000);
      int claim = random.nextBoolean() ? claims[random.nextInt(claims.length)] : random.nextInt();
      target.mustReadOrRefuse(HostilePayloads.jdkNestedArrays(depth), seed);
      target.mustReadOrRefuse(HostilePayloads.jdkByteArrayClaiming(claim), seed);
      target.mustReadOrRefuse(HostilePayloads.jsonNestedArrays(depth), seed);
      target.mustReadOrRefuse(HostilePayloads.msgpackNestedArrays(depth), seed);
      target.mustReadOrRefuse(HostilePayloads.msgpackClaiming(formats[random.nextInt(formats.length)], claim), seed);
    });
  }

  /** Runs {@code tries} inputs, each from a Random of its own seed, on targets in turn. */
  private static void forEachTry(int tries, Try body) {
    Random seeds = new Random(SEED);
    for (int i = 0; i < tries; i++) {
      long seed = seeds.nextLong();
      body.run(TARGETS.get(i % TARGETS.size()), new Random(seed), seed);
    }
  }

  /** One input of a fuzz run. */
  private interface Try {
    void run(Target target, Random random, long seed);
  }

  /** A serializer as a remote store builds it, with the values its cache would hold. */
  record Target(String name, Class<?> type, Serializer serializer) {

    Target(String name, Class<?> type) {
      this(name, type, remote(name, type, "cache.serializer.allow-list", "io.github.corebackend.cache.serial.*"));
    }

    List<Object> samples() {
      if (type == ArrayList.class) {
        return List.of(new ArrayList<>(List.of("a", 1L, 2.5d, Map.of("k", List.of(1, 2)))), nested(30),
            new ArrayList<>(List.of(new ArrayList<>(List.of(true)), "x".repeat(300))));
      }
      if (type == SampleValues.Person.class) {
        return List.of(SampleValues.person());
      }
      List<Object> values = new ArrayList<>(SampleValues.untypedValues());
      values.add(nested(40));
      if (name.equals("jdk")) {
        values.add(SampleValues.entitySnapshot());
        values.add(new byte[64]);
        values.add(new java.util.HashMap<>(Map.of("a", "b", "c", List.of(1, 2, 3))));
      }
      return values;
    }

    /** Reads {@code bytes}: a value, or a CacheSerializationException, quickly and cheaply. */
    void mustReadOrRefuse(byte[] bytes, long seed) {
      long start = System.nanoTime();
      Throwable[] thrown = new Throwable[1];
      long allocated = allocatedBy(() -> {
        try {
          serializer.deserialize(bytes);
        } catch (CacheSerializationException refused) {
          // the one allowed failure
        } catch (Throwable other) { // Errors included: that is what this test looks for
          thrown[0] = other;
        }
      });
      long nanos = System.nanoTime() - start;
      String input = this + " seed " + seed + " bytes " + bytes.length + " " + head(bytes);
      if (thrown[0] != null) {
        throw new AssertionFailedError("threw " + thrown[0] + " for " + input, thrown[0]);
      }
      if (allocated > MAX_ALLOCATED || nanos > MAX_NANOS) {
        throw new AssertionFailedError("allocated " + allocated + " bytes in " + nanos / 1_000_000 + " ms for "
            + input);
      }
    }

    @Override
    public String toString() {
      return name + " " + type.getSimpleName();
    }

    private static String head(byte[] bytes) {
      return Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 48)));
    }
  }

  /** Ways a stored payload gets damaged, or forged from a valid one. */
  enum Mutation {
    FLIP_BIT {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        if (bytes.length > 0) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
      }
    },
    SET_BYTE {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        byte[] interesting = {0, 1, 0x7F, (byte) 0x80, (byte) 0xFF, 0x70, 0x71, 0x75, (byte) 0xDD, (byte) 0xC6, '[', '{'};
        if (bytes.length > 0) {
          bytes[random.nextInt(bytes.length)] = interesting[random.nextInt(interesting.length)];
        }
        return bytes;
      }
    },
    TRUNCATE {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
      }
    },
    PATCH_LENGTH {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        int[] lengths = {Integer.MAX_VALUE, 300_000_000, 1 << 24, 65_536, -1, Integer.MIN_VALUE};
        if (bytes.length >= 4) {
          ByteBuffer.wrap(bytes).putInt(random.nextInt(bytes.length - 3), lengths[random.nextInt(lengths.length)]);
        }
        return bytes;
      }
    },
    SPLICE {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        if (bytes.length < 2) {
          return bytes;
        }
        // Repeat a slice many times: nesting and repetition a writer never produced.
        int from = random.nextInt(bytes.length - 1);
        int to = from + 1 + random.nextInt(Math.min(16, bytes.length - from - 1) + 1) - 1;
        byte[] slice = Arrays.copyOfRange(bytes, from, Math.max(to, from + 1));
        int times = 1 + random.nextInt(500);
        ByteBuffer spliced = ByteBuffer.allocate(bytes.length + slice.length * times);
        spliced.put(bytes, 0, from);
        for (int i = 0; i < times; i++) {
          spliced.put(slice);
        }
        spliced.put(bytes, from, bytes.length - from);
        return spliced.array();
      }
    };

    abstract byte[] apply(byte[] bytes, Random random);
  }
}
