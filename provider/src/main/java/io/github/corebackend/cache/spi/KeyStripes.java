package io.github.corebackend.cache.spi;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Locks that serialise, within this JVM, the operations on keys whose hashes fall on the same stripe.
 * A remote store holds a key's stripe from its command to the report of the change, so that this JVM
 * reports a key's changes in the order the server applied them; guards hold it so that this JVM's
 * guarded writes of one key queue here rather than at the server. Several stripes are always taken
 * in ascending order, so two bulk operations cannot deadlock.
 */
public final class KeyStripes {

  private final ReentrantLock[] locks;

  /** At least {@code count} stripes (rounded up to a power of two). */
  public KeyStripes(int count) {
    locks = new ReentrantLock[Integer.highestOneBit(Math.max(1, count - 1)) << 1];
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** The hash of a binary key, as {@link #lockFor} takes it. */
  public static int hashOf(byte[] key) {
    return Arrays.hashCode(key);
  }

  /** The lock of the stripe of {@code hash}. */
  public ReentrantLock lockFor(int hash) {
    return locks[index(hash)];
  }

  /** Runs {@code work} holding the stripe of {@code hash}. */
  public <T> T withLock(int hash, Supplier<T> work) {
    ReentrantLock lock = lockFor(hash);
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} holding the stripes of all {@code hashes}. */
  public <T> T withLocks(int[] hashes, Supplier<T> work) {
    TreeSet<Integer> indexes = new TreeSet<>();
    for (int hash : hashes) {
      indexes.add(index(hash));
    }
    for (int index : indexes) {
      locks[index].lock();
    }
    try {
      return work.get();
    } finally {
      for (int index : indexes.descendingSet()) {
        locks[index].unlock();
      }
    }
  }

  private int index(int hash) {
    int spread = hash * 0x9E3779B9;
    return (spread ^ (spread >>> 16)) & (locks.length - 1);
  }
}
