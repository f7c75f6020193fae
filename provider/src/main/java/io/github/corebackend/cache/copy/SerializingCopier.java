package io.github.corebackend.cache.copy;

import io.github.corebackend.cache.serial.CacheSerializationException;
import io.github.corebackend.cache.serial.Serializer;

/**
 * Store-by-value through a {@link Serializer}: mutable objects are kept as their bytes and rebuilt
 * for each reader; objects nobody changes ({@link KnownImmutables}) are kept as they are, since copying
 * them buys nothing.
 */
public final class SerializingCopier implements Copier {

  private final Serializer keySerializer;
  private final Serializer valueSerializer;
  private final String cacheName;

  /**
   * Creates a copier.
   *
   * @param keySerializer how mutable keys are copied
   * @param valueSerializer how mutable values are copied
   * @param cacheName named in error messages
   */
  public SerializingCopier(Serializer keySerializer, Serializer valueSerializer, String cacheName) {
    this.keySerializer = keySerializer;
    this.valueSerializer = valueSerializer;
    this.cacheName = cacheName;
  }

  @Override
  public Object toStored(Object key, Object value) {
    return KnownImmutables.contains(value) ? value
        : new Serialized(serialize(valueSerializer, value, "value of key " + key));
  }

  @Override
  public Object fromStored(Object stored) {
    return stored instanceof Serialized ? deserialize(valueSerializer, ((Serialized) stored).bytes, "value") : stored;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T copyKey(T key) {
    return KnownImmutables.contains(key) ? key
        : (T) deserialize(keySerializer, serialize(keySerializer, key, "key"), "key");
  }

  @Override
  public boolean storedEquals(Object stored, Object other) {
    return fromStored(stored).equals(other);
  }

  private byte[] serialize(Serializer serializer, Object object, String role) {
    try {
      return serializer.serialize(object);
    } catch (CacheSerializationException e) {
      throw new CacheSerializationException("Cache '" + cacheName + "' stores by value and cannot copy the "
          + role + ", of type " + object.getClass().getName() + ": " + e.getMessage(), e);
    }
  }

  private Object deserialize(Serializer serializer, byte[] bytes, String role) {
    try {
      return serializer.deserialize(bytes);
    } catch (CacheSerializationException e) {
      throw new CacheSerializationException(
          "Cache '" + cacheName + "' cannot rebuild a stored " + role + ": " + e.getMessage(), e);
    }
  }

  /** A mutable value kept as its serialized bytes; never handed out. */
  private static final class Serialized {
    final byte[] bytes;

    Serialized(byte[] bytes) {
      this.bytes = bytes;
    }
  }
}
