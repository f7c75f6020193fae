package io.github.corebackend.cache.copy;

import io.github.corebackend.cache.serial.CacheSerializationException;
import io.github.corebackend.cache.serial.Serializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Store-by-value through a {@link Serializer}: mutable objects are kept as their bytes and rebuilt
 * for each reader; immutable JDK types are kept as they are, since copying them buys nothing.
 */
public final class SerializingCopier implements Copier {

  private static final Set<Class<?>> IMMUTABLE = Set.of(
      String.class, Boolean.class, Character.class, Byte.class, Short.class, Integer.class, Long.class,
      Float.class, Double.class, BigInteger.class, BigDecimal.class, UUID.class, Class.class,
      Instant.class, Duration.class, LocalDate.class, LocalTime.class, LocalDateTime.class,
      OffsetDateTime.class, ZonedDateTime.class);

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

  /** Whether objects of this kind cannot change, so a copy would be equal and useless. */
  static boolean isImmutable(Object value) {
    return IMMUTABLE.contains(value.getClass()) || value instanceof Enum;
  }

  @Override
  public Object toStored(Object key, Object value) {
    return isImmutable(value) ? value : new Serialized(serialize(valueSerializer, value, "value of key " + key));
  }

  @Override
  public Object fromStored(Object stored) {
    return stored instanceof Serialized ? deserialize(valueSerializer, ((Serialized) stored).bytes, "value") : stored;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T copyKey(T key) {
    return isImmutable(key) ? key : (T) deserialize(keySerializer, serialize(keySerializer, key, "key"), "key");
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
