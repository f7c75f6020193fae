package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.serial.CacheSerializationException;
import io.github.corebackend.cache.serial.Serializer;
import io.github.corebackend.cache.spi.KeyText;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps cache keys to Redis keys: {@code <namespace>:<cache>:<key>}. A {@code String} key is written as
 * its UTF-8 bytes, so that {@code tenant1:users:alice} reads as it should; any other key as a
 * {@code 0xFF} byte (which never occurs in UTF-8, so the two cannot collide) followed by its
 * serialized form. {@code :} and {@code \} inside the namespace and cache name are escaped with
 * {@code \}, so that no two (namespace, cache) pairs share a prefix.
 */
final class KeyCodec<K> {

  private static final byte SERIALIZED = (byte) 0xFF;

  private final String prefixText;
  private final byte[] prefix;
  private final Serializer serializer;
  private final String cacheName;
  /** The declared key type, boxed; {@code Object} accepts anything. */
  private final Class<?> type;

  KeyCodec(String namespace, String cacheName, Serializer serializer, Class<K> type) {
    this.prefixText = escape(namespace) + ":" + escape(cacheName) + ":";
    this.prefix = prefixText.getBytes(StandardCharsets.UTF_8);
    this.serializer = serializer;
    this.cacheName = cacheName;
    this.type = MethodType.methodType(type).wrap().returnType();
  }

  /** The start of every Redis key of this cache, e.g. {@code tenant1:users:}. */
  String prefix() {
    return prefixText;
  }

  /** The Redis key of {@code key}. */
  byte[] encode(K key) {
    byte[] body;
    if (key instanceof String) {
      body = ((String) key).getBytes(StandardCharsets.UTF_8);
    } else {
      byte[] serialized = serialize(key);
      body = new byte[serialized.length + 1];
      body[0] = SERIALIZED;
      System.arraycopy(serialized, 0, body, 1, serialized.length);
    }
    byte[] redisKey = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, redisKey, prefix.length, body.length);
    return redisKey;
  }

  /**
   * The cache key a Redis key of this cache stands for.
   *
   * @throws CacheSerializationException when the key cannot be read, or is not of the declared type
   */
  @SuppressWarnings("unchecked") // checked against the declared type
  K decode(byte[] redisKey) {
    int start = prefix.length;
    Object key;
    if (redisKey.length > start && redisKey[start] == SERIALIZED) {
      try {
        key = serializer.deserialize(redisKey, start + 1, redisKey.length - start - 1);
      } catch (RuntimeException | StackOverflowError e) {
        // Custom serializers may fail any way, and deep bytes overflow one that does not bound depth.
        throw new CacheSerializationException("Cache '" + cacheName + "': cannot read the key of Redis key '"
            + printable(redisKey) + "': " + e.getMessage(), e);
      }
    } else {
      key = new String(redisKey, start, redisKey.length - start, StandardCharsets.UTF_8);
    }
    if (!type.isInstance(key)) {
      throw new CacheSerializationException("Cache '" + cacheName + "': Redis key '" + printable(redisKey)
          + "' holds a " + key.getClass().getName() + ", not the declared key type " + type.getName());
    }
    return (K) key;
  }

  /** The SCAN MATCH pattern of every key of this cache. */
  byte[] pattern() {
    ByteArrayOutputStream pattern = new ByteArrayOutputStream(prefix.length + 8);
    for (byte b : prefix) {
      if (b == '*' || b == '?' || b == '[' || b == ']' || b == '\\') {
        pattern.write('\\');
      }
      pattern.write(b);
    }
    pattern.write('*');
    return pattern.toByteArray();
  }

  /** A Redis key in a form fit for an error message. */
  static String printable(byte[] redisKey) {
    StringBuilder text = new StringBuilder();
    for (byte b : redisKey) {
      if (b >= 0x20 && b < 0x7F) {
        text.append((char) b);
      } else {
        text.append(String.format("\\x%02x", b & 0xFF));
      }
      if (text.length() > 200) {
        return text.append("...").toString();
      }
    }
    return text.toString();
  }

  private byte[] serialize(K key) {
    try {
      return serializer.serialize(key);
    } catch (CacheSerializationException e) {
      throw new CacheSerializationException("Cache '" + cacheName + "': cannot serialize the key "
          + KeyText.of(key) + ": " + e.getMessage(), e);
    }
  }

  private static String escape(String name) {
    return name.replace("\\", "\\\\").replace(":", "\\:");
  }
}
