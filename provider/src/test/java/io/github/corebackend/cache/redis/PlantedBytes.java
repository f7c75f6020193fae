package io.github.corebackend.cache.redis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Bytes a test plants under a cache's Redis keys, as another program (or an attacker) would. */
final class PlantedBytes {

  private static final byte[] ETERNAL_HEADER = Long.toString(ValueCodec.ETERNAL).getBytes(StandardCharsets.US_ASCII);

  private PlantedBytes() {}

  /** {@code payload} as the provider stores a value that never expires: after the expiry header. */
  static byte[] withEternalHeader(byte[] payload) {
    byte[] stored = new byte[ETERNAL_HEADER.length + payload.length];
    System.arraycopy(ETERNAL_HEADER, 0, stored, 0, ETERNAL_HEADER.length);
    System.arraycopy(payload, 0, stored, ETERNAL_HEADER.length, payload.length);
    return stored;
  }

  /** {@code value} in Java serialization, with no filter or allow-list in the way. */
  static byte[] javaSerialized(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
