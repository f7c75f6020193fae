package io.github.corebackend.cache.processor;

import io.github.corebackend.cache.spi.EntryAction;
import io.github.corebackend.cache.spi.EntryExpiry;
import io.github.corebackend.cache.spi.EntrySlot;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.WriteOutcome;
import io.github.corebackend.cache.spi.WriterCall;
import java.util.Objects;
import java.util.function.Consumer;
import javax.cache.CacheException;
import javax.cache.integration.CacheLoader;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import org.jspecify.annotations.Nullable;

/**
 * Runs an {@link EntryProcessor} as a store's atomic step: the processor sees the entry, and its net
 * effect is applied with the right expiry; {@link #writerCall()} then says what a write-through cache
 * must write or delete. The action may be applied more than once (a compare-and-set that lost);
 * what it reports describes the last application. A step returns what the processor's net effect
 * did to the entry; the processor's result, which may be {@code null}, is {@link #result()}.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 * @param <T> the type of the processor's result
 */
public final class InvokeAction<K, V, T> implements EntryAction<V, WriteOutcome<V>> {

  private final K key;
  private final EntryProcessor<K, V, T> processor;
  private final Object[] arguments;
  private final @Nullable CacheLoader<K, V> loader;
  private final String cacheName;
  private final EntryExpiry expiry;
  private final boolean withOldValue;
  private final Consumer<Object> valueCheck;

  private boolean existed;
  private InvokeEntry.Operation operation = InvokeEntry.Operation.NONE;
  private @Nullable V value;
  private @Nullable T result;

  /**
   * The action of {@code processor} on the entry of {@code key}.
   *
   * @param loader the read-through loader, or {@code null} when the cache does not read through
   * @param valueCheck throws {@link ClassCastException} for a value of the wrong type
   */
  public InvokeAction(K key, EntryProcessor<K, V, T> processor, Object[] arguments,
      @Nullable CacheLoader<K, V> loader, String cacheName, Facts facts, Consumer<Object> valueCheck) {
    this.key = key;
    this.processor = processor;
    this.arguments = arguments;
    this.loader = loader;
    this.cacheName = cacheName;
    this.expiry = facts.expiry();
    this.withOldValue = facts.oldValues();
    this.valueCheck = valueCheck;
  }

  /** Whether a live entry existed when the processor ran (a hit), for statistics. */
  public boolean existed() {
    return existed;
  }

  /** Whether the processor's net effect was to keep a value it loaded (not a put). */
  public boolean loaded() {
    return operation == InvokeEntry.Operation.LOAD;
  }

  /** The processor's result, or {@code null}. */
  public @Nullable T result() {
    return result;
  }

  @Override
  public WriteOutcome<V> apply(EntrySlot<V> slot) {
    InvokeEntry<K, V> entry = new InvokeEntry<>(key, slot, loader, cacheName, valueCheck);
    try {
      result = processor.process(entry, arguments);
    } catch (CacheException e) {
      throw e;
    } catch (Exception e) {
      throw new EntryProcessorException(e);
    }
    existed = slot.exists();
    operation = entry.operation();
    value = entry.value();
    return applyTo(slot);
  }

  @Override
  public WriterCall<V> writerCall() {
    switch (operation) {
      case CREATE:
      case UPDATE:
        return WriterCall.write(newValue());
      case REMOVE:
        return WriterCall.delete();
      default:
        return WriterCall.none();
    }
  }

  private WriteOutcome<V> applyTo(EntrySlot<V> slot) {
    switch (operation) {
      case ACCESS:
        slot.touch(expiry.ttlForAccess());
        return WriteOutcome.present(null);
      case LOAD:
      case CREATE:
        long ttl = expiry.ttlForCreation();
        if (ttl == 0) {
          return WriteOutcome.absent();
        }
        V created = newValue();
        slot.put(created, ttl);
        return WriteOutcome.created(created);
      case UPDATE:
        @Nullable V replaced = withOldValue ? slot.value() : null;
        V updated = newValue();
        slot.put(updated, expiry.ttlForUpdate());
        return WriteOutcome.updated(replaced, updated);
      case REMOVE:
        if (!existed) {
          return WriteOutcome.absent();
        }
        @Nullable V removed = withOldValue ? slot.value() : null;
        slot.remove();
        return WriteOutcome.removed(removed);
      default:
        return existed ? WriteOutcome.present(null) : WriteOutcome.absent();
    }
  }

  /** The value a processor that loaded, created or updated the entry left it with. */
  private V newValue() {
    return Objects.requireNonNull(value, "a load or a setValue leaves a value");
  }
}
