package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.serial.CacheSerializationException;
import io.github.corebackend.cache.serial.Serializer;
import io.github.corebackend.cache.spi.KeyText;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Turns values into the bytes the scripts store after their 16-digit expiry header, and stored bytes
 * back into values. Bytes that do not have the header, that the serializer refuses, or that hold a
 * value of another type than the cache declares are reported as unreadable with the cache and the key
 * named: never read as an absent entry, never handed out as a value of the wrong type.
 */
final class ValueCodec<V> {

  /** Length of the expiry header the scripts write before each value. */
  static final int HEADER = 16;

  /** The deadline of an entry that never expires; the scripts' {@code ETERNAL}. */
  static final long ETERNAL = 9_000_000_000_000_000L;

  private static final byte[] ETERNAL_HEADER = Long.toString(ETERNAL).getBytes(StandardCharsets.US_ASCII);

  private final Serializer serializer;
  private final String cacheName;
  /** The declared value type, boxed; {@code Object} accepts anything. */
  private final Class<?> type;
  private final long maxStoredSize;

  /**
   * @param type the cache's declared value type
   * @param maxStoredSize the largest stored form (header included) that may be sent
   */
  ValueCodec(Serializer serializer, String cacheName, Class<V> type, long maxStoredSize) {
    this.serializer = serializer;
    this.cacheName = cacheName;
    this.type = MethodType.methodType(type).wrap().returnType();
    this.maxStoredSize = maxStoredSize;
  }

  /**
   * The serialized form of {@code value}, without header.
   *
   * @param key named in the error when the value cannot be serialized
   */
  byte[] encode(Object key, V value) {
    byte[] payload;
    try {
      payload = serializer.serialize(value);
    } catch (RuntimeException | StackOverflowError e) {
      // Custom serializers may fail any way, and deep values overflow one that does not bound depth.
      throw cannotSerialize(key, value, e);
    }
    if (HEADER + (long) payload.length > maxStoredSize) {
      throw new CacheSerializationException("Cache '" + cacheName + "': the value of key " + KeyText.of(key)
          + " is " + payload.length + " bytes serialized, over the limit of " + (maxStoredSize - HEADER)
          + " (cache.redis.max-value-size); nothing was sent");
    }
    return payload;
  }

  private CacheSerializationException cannotSerialize(Object key, V value, Throwable cause) {
    return new CacheSerializationException("Cache '" + cacheName + "': cannot serialize the value of key "
        + KeyText.of(key) + ", of type " + value.getClass().getName() + ": " + cause.getMessage(), cause);
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
  @SuppressWarnings("unchecked") // checked against the declared type
  V decode(byte[] stored, Object key) {
    if (!hasHeader(stored)) {
      throw new CacheSerializationException("Cache '" + cacheName + "': corrupt value under key " + KeyText.of(key)
          + ": " + stored.length + " bytes without the expiry header this provider writes");
    }
    Object value;
    try {
      value = serializer.deserialize(stored, HEADER, stored.length - HEADER);
    } catch (RuntimeException | StackOverflowError e) {
      // Custom serializers may fail any way, and deep bytes overflow one that does not bound depth.
      throw cannotRead(key, e);
    }
    if (!type.isInstance(value)) {
      throw new CacheSerializationException("Cache '" + cacheName + "': the value under key " + KeyText.of(key)
          + " is a " + value.getClass().getName() + ", not the declared " + type.getName());
    }
    return (V) value;
  }

  /**
   * The value of stored bytes, or {@code null} when they cannot be read: for an event's old value,
   * which listeners then see as not available, so that one unreadable entry never stops a write
   * that replaces or removes it.
   */
  @Nullable V decodeIfReadable(byte[] stored, Object key) {
    try {
      return decode(stored, key);
    } catch (CacheSerializationException unreadable) {
      return null;
    }
  }

  private CacheSerializationException cannotRead(Object key, Throwable cause) {
    return new CacheSerializationException("Cache '" + cacheName + "': cannot read the value under key "
        + KeyText.of(key) + ": " + cause.getMessage(), cause);
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
