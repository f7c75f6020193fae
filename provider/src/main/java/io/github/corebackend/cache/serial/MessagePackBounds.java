package io.github.corebackend.cache.serial;

import io.github.corebackend.cache.config.Setting;
import java.io.IOException;
import java.util.Arrays;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

/**
 * Checks MessagePack bytes against {@link SerializationLimits} before Jackson parses them. Jackson's
 * MessagePack parser checks no nesting depth, and allocates a string's or a binary's claimed length
 * before reading it; this walk, without recursion and without allocating, refuses a value nested too
 * deep and any length claim the remaining bytes cannot hold (every array element and map key or value
 * takes at least one byte, a string, binary or extension payload its length). A class of its own, so
 * that the JSON serializer links without {@code msgpack-core}.
 */
final class MessagePackBounds {

  private MessagePackBounds() {}

  /**
   * Checks the first value in {@code length} bytes of {@code bytes} from {@code offset}.
   *
   * @throws CacheSerializationException naming what is out of bounds, or that the bytes are corrupt
   */
  static void check(byte[] bytes, int offset, int length, SerializationLimits limits) {
    long[] pending = new long[8]; // values still to read at each open level, grown as levels open
    int depth = 0;
    pending[0] = 1;
    try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes, offset, length)) {
      while (depth >= 0) {
        if (pending[depth] == 0) {
          depth--;
          continue;
        }
        pending[depth]--;
        long elements = elementsOfNext(unpacker, length, limits);
        if (elements >= 0) { // an array or a map, empty ones counting as a level as they do for Jackson
          if (depth == limits.maxDepth()) {
            throw refused(length, "arrays and maps nested deeper than " + Setting.SERIALIZER_MAX_DEPTH.key() + "="
                + limits.maxDepth());
          }
          if (++depth == pending.length) {
            pending = Arrays.copyOf(pending, Math.min(2 * depth, limits.maxDepth() + 1));
          }
          pending[depth] = elements;
        }
      }
    } catch (IOException | MessagePackException e) {
      throw new CacheSerializationException("Corrupt MessagePack bytes (" + length + " bytes): " + e, e);
    }
  }

  /** Reads the next value's header: the values an array or map holds, or {@code -1} for a scalar, skipped. */
  private static long elementsOfNext(MessageUnpacker unpacker, int length, SerializationLimits limits)
      throws IOException {
    MessageFormat format = unpacker.getNextFormat();
    switch (format.getValueType()) {
      case ARRAY:
        return claim(unpacker.unpackArrayHeader(), 1, unpacker, length, limits);
      case MAP:
        return claim(unpacker.unpackMapHeader(), 2, unpacker, length, limits);
      case STRING:
        skip(unpacker, claim(unpacker.unpackRawStringHeader(), 1, unpacker, length, limits));
        return -1;
      case BINARY:
        skip(unpacker, claim(unpacker.unpackBinaryHeader(), 1, unpacker, length, limits));
        return -1;
      case EXTENSION:
        skip(unpacker, claim(unpacker.unpackExtensionTypeHeader().getLength(), 1, unpacker, length, limits));
        return -1;
      default:
        unpacker.skipValue();
        return -1;
    }
  }

  /** {@code count} entries of {@code bytesEach} bytes at least, as values to read (or bytes to skip). */
  private static long claim(int count, int bytesEach, MessageUnpacker unpacker, int length,
      SerializationLimits limits) {
    if (count > limits.maxArrayLength()) {
      throw refused(length, "a length of " + count + ", more than " + Setting.SERIALIZER_MAX_ARRAY_LENGTH.key()
          + "=" + limits.maxArrayLength());
    }
    long remaining = length - unpacker.getTotalReadBytes();
    if ((long) count * bytesEach > remaining) {
      throw refused(length, "a length of " + count + " where only " + remaining + " bytes remain");
    }
    return (long) count * bytesEach;
  }

  private static void skip(MessageUnpacker unpacker, long bytes) throws IOException {
    unpacker.readPayloadAsReference((int) bytes); // a view of the input, not a copy
  }

  private static CacheSerializationException refused(int length, String reason) {
    return new CacheSerializationException("Refused " + length + " MessagePack bytes: " + reason);
  }
}
