package io.github.corebackend.cache.store;

/**
 * Runs a {@link WriteOp} as an {@link EntryAction}: the one place where the create-versus-update
 * decision, the conditions of conditional writes and the expiry that follows from them are made.
 */
final class WriteAction<K, V> implements EntryAction<V, WriteOutcome<V>> {

  private final K key;
  private final WriteOp<V> op;
  private final EntryExpiry expiry;
  private final WriteHooks<K, V> hooks;

  WriteAction(K key, WriteOp<V> op, EntryExpiry expiry, WriteHooks<K, V> hooks) {
    this.key = key;
    this.op = op;
    this.expiry = expiry;
    this.hooks = hooks;
  }

  @Override
  public WriteOutcome<V> apply(EntrySlot<V> slot) {
    boolean exists = slot.exists();
    switch (op.kind()) {
      case REMOVE:
        // JCache writes a removal through even when the cache holds no entry for the key.
        hooks.beforeDelete(key);
        return exists ? remove(slot) : WriteOutcome.absent();
      case REMOVE_IF_EQUAL:
        if (!exists) {
          return WriteOutcome.absent();
        }
        if (!slot.valueEquals(op.expected())) {
          return readWithoutChange(slot);
        }
        hooks.beforeDelete(key);
        return remove(slot);
      case REPLACE_IF_EQUAL:
        if (!exists) {
          return WriteOutcome.absent();
        }
        return slot.valueEquals(op.expected()) ? update(slot) : readWithoutChange(slot);
      case LOAD:
        return exists ? WriteOutcome.present(slot.value()) : create(slot);
      default:
        if (exists) {
          return op.updatesExisting() ? update(slot) : WriteOutcome.present(null);
        }
        return op.createsMissing() ? create(slot) : WriteOutcome.absent();
    }
  }

  @Override
  public void onCommit(WriteOutcome<V> outcome) {
    hooks.afterCommit(key, outcome);
  }

  private WriteOutcome<V> create(EntrySlot<V> slot) {
    V value = op.value();
    if (op.writesThrough()) {
      hooks.beforeWrite(key, value);
    }
    long ttl = expiry.ttlForCreation();
    if (ttl == 0) {
      return WriteOutcome.absent();
    }
    slot.put(value, ttl);
    return WriteOutcome.created(value);
  }

  private WriteOutcome<V> update(EntrySlot<V> slot) {
    V oldValue = wantsOldValue() ? slot.value() : null;
    V value = op.value();
    if (op.writesThrough()) {
      hooks.beforeWrite(key, value);
    }
    slot.put(value, expiry.ttlForUpdate());
    return WriteOutcome.updated(oldValue, value);
  }

  private WriteOutcome<V> remove(EntrySlot<V> slot) {
    V oldValue = wantsOldValue() ? slot.value() : null;
    slot.remove();
    return WriteOutcome.removed(oldValue);
  }

  /** A failed condition still reads the entry, so access expiry applies. */
  private WriteOutcome<V> readWithoutChange(EntrySlot<V> slot) {
    slot.touch(expiry.ttlForAccess());
    return WriteOutcome.present(null);
  }

  private boolean wantsOldValue() {
    return op.returnsOldValue() || hooks.needsOldValue();
  }
}
