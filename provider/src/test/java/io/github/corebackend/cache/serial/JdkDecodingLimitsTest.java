package io.github.corebackend.cache.serial;

import static io.github.corebackend.cache.serial.SerializerFixtures.allocatedBy;
import static io.github.corebackend.cache.serial.SerializerFixtures.nested;
import static io.github.corebackend.cache.serial.SerializerFixtures.remote;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hostile Java-serialized bytes in a shared store fail to decode with a CacheSerializationException, cheaply. */
class JdkDecodingLimitsTest {

  @Test
  void aByteArrayClaimingTwoToTheThirtyOneElementsIsRefused() {
    byte[] stored = HostilePayloads.withRedisHeader(HostilePayloads.jdkByteArrayClaiming(Integer.MAX_VALUE));
    Serializer jdk = remote("jdk", Object.class);

    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> jdk.deserialize(stored, 16, stored.length - 16));

    assertEquals(43, stored.length, "the value of the report, expiry header included");
    assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
  }

  @Test
  void nestingFiftyThousandDeepIsRefusedWithoutOverflowingTheStack() {
    byte[] bytes = HostilePayloads.jdkNestedArrays(50_000);

    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> remote("jdk", Object.class).deserialize(bytes));

    assertTrue(e.getMessage().contains("depth"), e.getMessage());
  }

  @Test
  void aClaimOfThreeHundredMillionElementsFailsBeforeAllocatingThem() {
    byte[] bytes = HostilePayloads.jdkByteArrayClaiming(300_000_000);
    Serializer jdk = remote("jdk", Object.class);
    jdk.deserialize(jdk.serialize(new byte[8])); // warm up: class loading allocates too

    long allocated = allocatedBy(() -> assertThrows(CacheSerializationException.class, () -> jdk.deserialize(bytes)));

    assertTrue(allocated < 8 << 20, "allocated " + allocated + " bytes");
  }

  @Test
  void genuineValuesNearTheBoundsStillRoundTrip() {
    Serializer jdk = remote("jdk", Object.class, "cache.serializer.allow-list", "io.github.corebackend.cache.serial.*");
    Map<String, String> oneSmallEntry = new HashMap<>(Map.of("a", "b")); // a table of 16 for 9 bytes
    HashSet<Integer> sparse = new HashSet<>(16, 0.25f); // 8 table slots per element
    IntStream.range(0, 1000).forEach(sparse::add);
    List<Object> values = List.of(oneSmallEntry, sparse, nested(150), new ArrayList<>(Collections.nCopies(1000, 7L)),
        SampleValues.entitySnapshot());

    for (Object value : values) {
      assertEquals(value, jdk.deserialize(jdk.serialize(value)));
    }
    byte[] blob = new byte[1 << 20];
    assertArrayEquals(blob, (byte[]) jdk.deserialize(jdk.serialize(blob)));
  }

  @Test
  void eachLimitIsASettingNamedWhenItRefuses() {
    assertRefused(remote("jdk", Object.class, "cache.serializer.max-depth", "10"), nested(20),
        "cache.serializer.max-depth=10");
    assertRefused(remote("jdk", Object.class, "cache.serializer.max-references", "100"),
        new ArrayList<>(IntStream.range(0, 200).boxed().toList()),
        "cache.serializer.max-references=100");
    assertRefused(remote("jdk", Object.class, "cache.serializer.max-array-length", "10"), new long[20],
        "cache.serializer.max-array-length=10");
    byte[] large = JdkSerializer.trusted(getClass().getClassLoader()).serialize(new byte[200]);
    Serializer small = remote("jdk", Object.class, "cache.serializer.max-bytes", "100");
    CacheSerializationException read = assertThrows(CacheSerializationException.class, () -> small.deserialize(large));
    CacheSerializationException write = assertThrows(CacheSerializationException.class,
        () -> small.serialize(new byte[200]));
    assertTrue(read.getMessage().contains("cache.serializer.max-bytes=100"), read.getMessage());
    assertTrue(write.getMessage().contains("cache.serializer.max-bytes=100"), write.getMessage());
  }

  @Test
  void trustedCopiesHaveNoLimits() {
    List<Object> deep = nested(300);
    JdkSerializer trusted = JdkSerializer.trusted(getClass().getClassLoader());

    assertEquals(deep, trusted.deserialize(trusted.serialize(deep)));
    assertRefused(remote("jdk", Object.class), deep, "cache.serializer.max-depth=200");
  }

  private void assertRefused(Serializer serializer, Object value, String setting) {
    byte[] bytes = JdkSerializer.trusted(getClass().getClassLoader()).serialize(value);
    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> serializer.deserialize(bytes));
    assertTrue(e.getMessage().contains(setting), e.getMessage());
  }
}
