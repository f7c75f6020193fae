package io.github.corebackend.cache.core;

import static java.util.Objects.requireNonNull;

import java.util.Collection;

/**
 * The argument checks JCache asks of every operation: no {@code null} key or value, and keys and
 * values of the configured types, each failure naming the cache.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class EntryChecks<K, V> {

  private final String cacheName;
  private final Class<?> keyType;
  private final Class<?> valueType;

  /** The checks of a cache of {@code keyType -> valueType}; {@code Object} accepts anything. */
  public EntryChecks(String cacheName, Class<?> keyType, Class<?> valueType) {
    this.cacheName = cacheName;
    this.keyType = keyType;
    this.valueType = valueType;
  }

  /**
   * Checks a key.
   *
   * @throws NullPointerException for a {@code null} key
   */
  public void requireKey(K key) {
    if (key == null) {
      throw new NullPointerException(message("a key must not be null"));
    }
  }

  /**
   * Checks a set of keys.
   *
   * @throws NullPointerException for a {@code null} set or a {@code null} key in it
   */
  public void requireKeys(Collection<? extends K> keys) {
    requireNonNull(keys, () -> message("the set of keys must not be null"));
    for (K key : keys) {
      requireKey(key);
    }
  }

  /**
   * Checks a value.
   *
   * @throws NullPointerException for a {@code null} value, named by its {@code role}
   */
  public void requireValue(V value, String role) {
    if (value == null) {
      throw new NullPointerException(message("the " + role + " must not be null"));
    }
  }

  /**
   * Checks a key and value to store.
   *
   * @throws NullPointerException for a {@code null} key or value
   * @throws ClassCastException for a key or value of another type than the configured one
   */
  public void requireEntry(K key, V value) {
    requireKey(key);
    requireValue(value, "value");
    if (keyType != Object.class && !keyType.isInstance(key)) {
      throw new ClassCastException(message("keys must be " + keyType.getName() + ", not "
          + key.getClass().getName()));
    }
    requireValueType(value);
  }

  /**
   * Checks the type of a value a processor sets.
   *
   * @throws ClassCastException for a value of another type than the configured one
   */
  public void requireValueType(Object value) {
    if (valueType != Object.class && !valueType.isInstance(value)) {
      throw new ClassCastException(message("values must be " + valueType.getName() + ", not "
          + value.getClass().getName()));
    }
  }

  private String message(String text) {
    return "Cache '" + cacheName + "': " + text;
  }
}
