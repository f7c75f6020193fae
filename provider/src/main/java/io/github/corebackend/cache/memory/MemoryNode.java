package io.github.corebackend.cache.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a {@link MemoryStore}. The value and expiry are written under the map's per-key lock
 * and read without any lock; the queue links belong to the eviction policy and are guarded by its
 * lock.
 */
final class MemoryNode<K> {

  private static final VarHandle EXPIRE_AT;

  static {
    try {
      EXPIRE_AT = MethodHandles.lookup().findVarHandle(MemoryNode.class, "expireAt", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Queue membership, see {@link S3FifoPolicy}. */
  static final byte NO_QUEUE = 0;
  static final byte SMALL_QUEUE = 1;
  static final byte MAIN_QUEUE = 2;

  final K key;
  volatile Object value;
  volatile long expireAt;

  /** Reads since insertion, capped at 3; a racy hint, so a lost increment does no harm. */
  int frequency;

  /** Queue neighbours, {@code null} at either end and outside any queue. */
  @Nullable MemoryNode<K> prev;
  @Nullable MemoryNode<K> next;
  byte queue;
  boolean retired;

  MemoryNode(K key, Object value, long expireAt) {
    this.key = key;
    this.value = value;
    this.expireAt = expireAt;
  }

  boolean isExpiredAt(long now) {
    return now >= expireAt;
  }

  /** Moves the expiry unless a writer changed it since {@code expected} was read. */
  void casExpireAt(long expected, long updated) {
    EXPIRE_AT.compareAndSet(this, expected, updated);
  }
}
