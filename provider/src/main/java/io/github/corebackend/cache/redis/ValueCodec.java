package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.serial.CacheSerializationException;
import io.github.corebackend.cache.serial.Serializer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns values into the bytes the scripts store after their 16-digit expiry header, and stored bytes
 * back into values. Bytes that do not have the header, or that the serializer refuses, are reported
 * as corrupt with the cache and the key named: never read as an absent entry.
 */
final class ValueCodec<V> {

  /** Length of the expiry header the scripts write before each value. */
  static final int HEADER = 16;

  /** The deadline of an entry that never expires; the scripts' {@code ETERNAL}. */
  static final long ETERNAL = 9_000_000_000_000_000L;

  private static final byte[] ETERNAL_HEADER = Long.toString(ETERNAL).getBytes(StandardCharsets.US_ASCII);

  private final Serializer serializer;
  private final String cacheName;

  ValueCodec(Serializer serializer, String cacheName) {
    this.serializer = serializer;
    this.cacheName = cacheName;
  }

  /**
   * The serialized form of {@code value}, without header.
   *
   * @param key named in the error when the value cannot be serialized
   */
  byte[] encode(Object key, V value) {
    try {
      return serializer.serialize(value);
    } catch (CacheSerializationException e) {
      throw new CacheSerializationException("Cache '" + cacheName + "': cannot serialize the value of key " + key
          + ", of type " + value.getClass().getName() + ": " + e.getMessage(), e);
    }
  }

  /** The stored form of {@code value} for an entry that never expires: header and serialized value. */
  byte[] encodeEternal(Object key, V value) {
    byte[] payload = encode(key, value);
    byte[] stored = Arrays.copyOf(ETERNAL_HEADER, HEADER + payload.length);
    System.arraycopy(payload, 0, stored, HEADER, payload.length);
    return stored;
  }

  /**
   * The deadline in the header of stored bytes, in milliseconds of the server's clock, or {@code -1}
   * when the bytes have no header (which {@link #decode} reports as corrupt).
   */
  static long deadlineOf(byte[] stored) {
    if (!hasHeader(stored)) {
      return -1;
    }
    long deadline = 0;
    for (int i = 0; i < HEADER; i++) {
      deadline = deadline * 10 + (stored[i] - '0');
    }
    return deadline;
  }

  /** Whether stored bytes with a header have reached their deadline by the server's clock. */
  static boolean isExpired(byte[] stored, long serverMillis) {
    long deadline = deadlineOf(stored);
    return deadline >= 0 && deadline <= serverMillis;
  }

  /**
   * The value of stored bytes (header included).
   *
   * @param key named in the error when the bytes are corrupt
   */
  @SuppressWarnings("unchecked")
  V decode(byte[] stored, Object key) {
    if (!hasHeader(stored)) {
      throw new CacheSerializationException("Cache '" + cacheName + "': corrupt value under key " + key
          + ": " + stored.length + " bytes without the expiry header this provider writes");
    }
    try {
      return (V) serializer.deserialize(stored, HEADER, stored.length - HEADER);
    } catch (CacheSerializationException e) {
      throw new CacheSerializationException("Cache '" + cacheName + "': cannot read the value under key " + key
          + ": " + e.getMessage(), e);
    } catch (ClassCastException e) {
      throw new CacheSerializationException("Cache '" + cacheName + "': value under key " + key
          + " has an unexpected type: " + e.getMessage(), e);
    }
  }

  /** Whether the stored bytes hold the same serialized value as {@code payload}. */
  static boolean samePayload(byte[] stored, byte[] payload) {
    return stored.length - HEADER == payload.length
        && Arrays.equals(stored, HEADER, stored.length, payload, 0, payload.length);
  }

  private static boolean hasHeader(byte[] stored) {
    if (stored.length < HEADER) {
      return false;
    }
    for (int i = 0; i < HEADER; i++) {
      if (stored[i] < '0' || stored[i] > '9') {
        return false;
      }
    }
    return true;
  }
}
