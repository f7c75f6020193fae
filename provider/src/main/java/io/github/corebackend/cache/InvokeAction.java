package io.github.corebackend.cache;

import io.github.corebackend.cache.store.EntryAction;
import io.github.corebackend.cache.store.EntryExpiry;
import io.github.corebackend.cache.store.EntrySlot;
import io.github.corebackend.cache.store.WriteHooks;
import io.github.corebackend.cache.store.WriteOutcome;
import java.util.function.Consumer;
import javax.cache.CacheException;
import javax.cache.integration.CacheLoader;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;

/**
 * Runs an {@link EntryProcessor} as a store's atomic step: the processor sees the entry, and its net
 * effect is applied with the right expiry, written through, and published like any other write.
 */
final class InvokeAction<K, V, T> implements EntryAction<V, T> {

  private final K key;
  private final EntryProcessor<K, V, T> processor;
  private final Object[] arguments;
  private final CacheLoader<K, V> loader;
  private final String cacheName;
  private final EntryExpiry expiry;
  private final WriteHooks<K, V> writeHooks;
  private final WriteHooks<K, V> loadHooks;
  private final Consumer<Object> valueCheck;

  private boolean existed;
  private WriteOutcome<V> outcome;
  private boolean loaded;

  InvokeAction(K key, EntryProcessor<K, V, T> processor, Object[] arguments, CacheLoader<K, V> loader,
      String cacheName, EntryExpiry expiry, WriteHooks<K, V> writeHooks, WriteHooks<K, V> loadHooks,
      Consumer<Object> valueCheck) {
    this.key = key;
    this.processor = processor;
    this.arguments = arguments;
    this.loader = loader;
    this.cacheName = cacheName;
    this.expiry = expiry;
    this.writeHooks = writeHooks;
    this.loadHooks = loadHooks;
    this.valueCheck = valueCheck;
  }

  /** Whether a live entry existed when the processor ran (a hit), for statistics. */
  boolean existed() {
    return existed;
  }

  @Override
  public T apply(EntrySlot<V> slot) {
    InvokeEntry<K, V> entry = new InvokeEntry<>(key, slot, loader, cacheName, valueCheck);
    T result;
    try {
      result = processor.process(entry, arguments);
    } catch (CacheException e) {
      throw e;
    } catch (Exception e) {
      throw new EntryProcessorException(e);
    }
    existed = slot.exists();
    loaded = entry.operation() == InvokeEntry.Operation.LOAD;
    outcome = applyTo(slot, entry);
    return result;
  }

  @Override
  public void onCommit(T result) {
    (loaded ? loadHooks : writeHooks).afterCommit(key, outcome);
  }

  private WriteOutcome<V> applyTo(EntrySlot<V> slot, InvokeEntry<K, V> entry) {
    V value = entry.value();
    switch (entry.operation()) {
      case ACCESS:
        slot.touch(expiry.ttlForAccess());
        return WriteOutcome.present(null);
      case LOAD:
        return create(slot, value);
      case CREATE:
        writeHooks.beforeWrite(key, value);
        return create(slot, value);
      case UPDATE:
        V oldValue = writeHooks.needsOldValue() ? slot.value() : null;
        writeHooks.beforeWrite(key, value);
        slot.put(value, expiry.ttlForUpdate());
        return WriteOutcome.updated(oldValue, value);
      case REMOVE:
        writeHooks.beforeDelete(key);
        if (!slot.exists()) {
          return WriteOutcome.absent();
        }
        V removed = writeHooks.needsOldValue() ? slot.value() : null;
        slot.remove();
        return WriteOutcome.removed(removed);
      default:
        return existed ? WriteOutcome.present(null) : WriteOutcome.absent();
    }
  }

  private WriteOutcome<V> create(EntrySlot<V> slot, V value) {
    long ttl = expiry.ttlForCreation();
    if (ttl == 0) {
      return WriteOutcome.absent();
    }
    slot.put(value, ttl);
    return WriteOutcome.created(value);
  }
}
