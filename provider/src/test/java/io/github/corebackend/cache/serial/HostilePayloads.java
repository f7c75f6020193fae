package io.github.corebackend.cache.serial;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Bytes a hostile or broken writer could leave in a shared store, for the decoding-limit tests. */
final class HostilePayloads {

  /** The 16-digit expiry header the Redis store writes before every value. */
  static final byte[] REDIS_HEADER = "9000000000000000".getBytes(StandardCharsets.US_ASCII);

  private HostilePayloads() {}

  /** A JDK stream of one {@code byte[]} whose length field says {@code elements} and no element follows. */
  static byte[] jdkByteArrayClaiming(int elements) {
    byte[] empty = JdkSerializer.trusted(HostilePayloads.class.getClassLoader()).serialize(new byte[0]);
    ByteBuffer.wrap(empty).putInt(empty.length - 4, elements); // the array's length is its last field
    return empty;
  }

  /** A JDK stream of {@code Object[]}s each holding the next, {@code depth} deep, ending in null. */
  static byte[] jdkNestedArrays(int depth) {
    byte[] outer = JdkSerializer.trusted(HostilePayloads.class.getClassLoader()).serialize(new Object[] {null});
    ByteArrayOutputStream out = new ByteArrayOutputStream(outer.length + 9 * depth);
    out.write(outer, 0, outer.length - 1); // all but the element, TC_NULL
    ByteBuffer level = ByteBuffer.allocate(10);
    level.put((byte) 0x75).put((byte) 0x71).putInt(0x7E0000).putInt(1); // TC_ARRAY, TC_REFERENCE class, length 1
    for (int i = 1; i < depth; i++) {
      out.write(level.array(), 0, 10);
    }
    out.write(0x70); // TC_NULL
    return out.toByteArray();
  }

  /** {@code value} with the ValueCodec header in front, as the Redis store keeps it. */
  static byte[] withRedisHeader(byte[] value) {
    byte[] stored = Arrays.copyOf(REDIS_HEADER, REDIS_HEADER.length + value.length);
    System.arraycopy(value, 0, stored, REDIS_HEADER.length, value.length);
    return stored;
  }

  /** A JSON array holding an array holding ... {@code depth} deep. */
  static byte[] jsonNestedArrays(int depth) {
    return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
  }

  /** A MessagePack array of one array of one ... {@code depth} deep, ending in nil. */
  static byte[] msgpackNestedArrays(int depth) {
    byte[] bytes = new byte[depth + 1];
    Arrays.fill(bytes, 0, depth, (byte) 0x91); // fixarray of one element
    bytes[depth] = (byte) 0xC0; // nil
    return bytes;
  }

  /** A MessagePack value of format {@code format} (a 32-bit length follows it) claiming {@code length}. */
  static byte[] msgpackClaiming(int format, int length) {
    return ByteBuffer.allocate(5).put((byte) format).putInt(length).array();
  }
}
