package io.github.corebackend.cache.serial;


/**
 * Turns keys and values into bytes and back, for store-by-value copies and for remote stores.
 *
 * <p>Implementations are thread-safe.
 */
public interface Serializer {

  /**
   * Returns the bytes of {@code value}.
   *
   * @throws CacheSerializationException if the value cannot be serialized
   */
  byte[] serialize(Object value);

  /**
   * Returns the object the bytes describe.
   *
   * @throws CacheSerializationException if the bytes are corrupt or name a class that is not allowed
   */
  Object deserialize(byte[] bytes);

  /** Returns the object described by {@code length} bytes of {@code bytes} from {@code offset}. */
  default Object deserialize(byte[] bytes, int offset, int length) {
    return deserialize(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
  }
}
