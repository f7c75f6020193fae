package io.github.corebackend.cache.spi;

import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link WriteOp} to an entry by the decision table of {@link WriteKind}: the place where a
 * store that decides in the JVM makes the create-versus-update decision, checks the condition of a
 * conditional write and picks the expiry that follows.
 *
 * @param <V> the type of values
 */
public final class WriteAction<V> implements EntryAction<V, WriteOutcome<V>> {

  private final WriteOp<V> op;
  private final EntryExpiry expiry;
  private final boolean withOldValue;
  private WriteRule rule = new WriteRule(EntryChange.KEEP, WriterCall.Kind.NONE);

  /** The action of {@code op} under {@code facts}. */
  public WriteAction(WriteOp<V> op, Facts facts) {
    this.op = op;
    this.expiry = facts.expiry();
    this.withOldValue = op.returnsOldValue() || facts.oldValues();
  }

  @Override
  public WriteOutcome<V> apply(EntrySlot<V> slot) {
    EntryState state = EntryState.of(slot, op);
    rule = op.kind().decide(state);
    switch (rule.change()) {
      case CREATE:
        long ttl = expiry.ttlForCreation();
        if (ttl == 0) {
          return WriteOutcome.absent();
        }
        slot.put(op.valueToStore(), ttl);
        return WriteOutcome.created(op.valueToStore());
      case UPDATE:
        @Nullable V replaced = withOldValue ? oldValue(slot) : null;
        slot.put(op.valueToStore(), expiry.ttlForUpdate());
        return WriteOutcome.updated(replaced, op.valueToStore());
      case REMOVE:
        @Nullable V removed = withOldValue ? oldValue(slot) : null;
        slot.remove();
        return WriteOutcome.removed(removed);
      case TOUCH:
        slot.touch(expiry.ttlForAccess());
        return WriteOutcome.present(null);
      default:
        if (state == EntryState.ABSENT) {
          return WriteOutcome.absent();
        }
        return WriteOutcome.present(op.returnsOldValue() ? slot.value() : null);
    }
  }

  /** The old value: as read for a caller who asked for it, and where readable for listeners. */
  private @Nullable V oldValue(EntrySlot<V> slot) {
    return op.returnsOldValue() ? slot.value() : slot.valueIfReadable();
  }

  @Override
  public String operation() {
    return op.operation();
  }

  @Override
  public WriterCall<V> writerCall() {
    switch (rule.writer()) {
      case WRITE:
        return WriterCall.write(op.valueToStore());
      case DELETE:
        return WriterCall.delete();
      default:
        return WriterCall.none();
    }
  }
}
