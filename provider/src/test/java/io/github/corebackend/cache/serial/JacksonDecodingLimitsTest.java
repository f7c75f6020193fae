package io.github.corebackend.cache.serial;

import static io.github.corebackend.cache.serial.SerializerFixtures.allocatedBy;
import static io.github.corebackend.cache.serial.SerializerFixtures.nested;
import static io.github.corebackend.cache.serial.SerializerFixtures.remote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile JSON and MessagePack bytes in a shared store fail to decode with a CacheSerializationException, cheaply. */
class JacksonDecodingLimitsTest {

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void jacksonRefusesFiftyThousandNestedArrays(String name) {
    byte[] bytes = name.equals("json") ? HostilePayloads.jsonNestedArrays(50_000)
        : HostilePayloads.msgpackNestedArrays(50_000);

    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> remote(name, ArrayList.class).deserialize(bytes));

    assertTrue(e.getMessage().contains("depth"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0xC6, 0xDB, 0xC9, 0xDD, 0xDF}) // bin 32, str 32, ext 32, array 32, map 32
  void messagePackLengthClaimsBeyondThePayloadAreRefusedCheaply(int format) {
    Serializer msgpack = remote("msgpack", Object.class);
    msgpack.deserialize(msgpack.serialize("warm"));
    for (int length : new int[] {Integer.MAX_VALUE, 300_000_000}) {
      byte[] bytes = HostilePayloads.msgpackClaiming(format, length);

      long allocated = allocatedBy(() -> assertThrows(CacheSerializationException.class,
          () -> msgpack.deserialize(bytes)));

      assertTrue(allocated < 8 << 20, "allocated " + allocated + " bytes for a claim of " + length);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void aValueTooDeepToReadBackIsRefusedWhenWritten(String name) {
    Serializer serializer = remote(name, ArrayList.class, "cache.serializer.max-depth", "20");
    List<Object> fits = nested(20);

    assertEquals(fits, serializer.deserialize(serializer.serialize(fits)));
    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> serializer.serialize(nested(21)));
    assertTrue(e.getMessage().contains("depth"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void theLengthIsCheckedBothWays(String name) {
    Serializer small = remote(name, String.class, "cache.serializer.max-bytes", "100");
    byte[] long200 = remote(name, String.class).serialize("x".repeat(200));

    CacheSerializationException write = assertThrows(CacheSerializationException.class,
        () -> small.serialize("x".repeat(200)));
    CacheSerializationException read = assertThrows(CacheSerializationException.class,
        () -> small.deserialize(long200));

    assertTrue(write.getMessage().contains("cache.serializer.max-bytes=100"), write.getMessage());
    assertTrue(read.getMessage().contains("cache.serializer.max-bytes=100"), read.getMessage());
    assertEquals("x".repeat(50), small.deserialize(small.serialize("x".repeat(50))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void genuineNestingWithinTheLimitRoundTrips(String name) {
    Serializer serializer = remote(name, ArrayList.class);

    assertEquals(nested(150), serializer.deserialize(serializer.serialize(nested(150))));
  }
}
