package io.github.corebackend.cache.serial;

import io.github.corebackend.cache.CacheSerializationException;

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
}
