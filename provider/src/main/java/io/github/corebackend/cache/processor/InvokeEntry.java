package io.github.corebackend.cache.processor;

import io.github.corebackend.cache.spi.EntrySlot;
import java.util.function.Consumer;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.processor.MutableEntry;
import org.jspecify.annotations.Nullable;

/**
 * The entry an {@code EntryProcessor} works on. It records what the processor did (read, load,
 * create, update, remove) without touching the store; {@link InvokeAction} applies the net effect.
 */
final class InvokeEntry<K, V> implements MutableEntry<K, V> {

  /** The net effect of the processor on the entry. */
  enum Operation { NONE, ACCESS, LOAD, CREATE, UPDATE, REMOVE }

  private final K key;
  private final EntrySlot<V> slot;
  private final @Nullable CacheLoader<K, V> loader;
  private final String cacheName;
  private final Consumer<Object> valueCheck;
  private Operation operation = Operation.NONE;
  private @Nullable V value;

  /**
   * @param loader the read-through loader, or {@code null} when the cache does not read through
   * @param valueCheck throws {@link ClassCastException} for a value of the wrong type
   */
  InvokeEntry(K key, EntrySlot<V> slot, @Nullable CacheLoader<K, V> loader, String cacheName,
      Consumer<Object> valueCheck) {
    this.key = key;
    this.slot = slot;
    this.loader = loader;
    this.cacheName = cacheName;
    this.valueCheck = valueCheck;
  }

  /** What the processor did, net. */
  Operation operation() {
    return operation;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public @Nullable V getValue() {
    if (operation != Operation.NONE) {
      return value;
    }
    if (slot.exists()) {
      value = slot.value();
      operation = Operation.ACCESS;
    } else if (loader != null) {
      value = load(loader);
      if (value != null) {
        operation = Operation.LOAD;
      }
    }
    return value;
  }

  @Override
  public boolean exists() {
    return operation == Operation.NONE ? slot.exists() : value != null;
  }

  @Override
  public void remove() {
    boolean onlyCreatedHere = operation == Operation.CREATE || operation == Operation.LOAD;
    operation = onlyCreatedHere ? Operation.NONE : Operation.REMOVE;
    value = null;
  }

  @Override
  public void setValue(V newValue) {
    if (newValue == null) {
      throw new NullPointerException("Cache '" + cacheName + "': an entry processor set a null value");
    }
    valueCheck.accept(newValue);
    operation = slot.exists() ? Operation.UPDATE : Operation.CREATE;
    value = newValue;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("A mutable entry cannot be unwrapped to " + clazz.getName());
  }

  private @Nullable V load(CacheLoader<K, V> readThrough) {
    try {
      return readThrough.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException("Cache '" + cacheName + "': loader failed for key " + key, e);
    }
  }

  /** The value the processor set or loaded, for {@link InvokeAction}; {@code null} when none. */
  @Nullable V value() {
    return value;
  }
}
