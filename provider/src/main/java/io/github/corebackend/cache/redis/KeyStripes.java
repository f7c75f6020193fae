package io.github.corebackend.cache.redis;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Locks that serialise, within this JVM, the operations on keys that hash to the same stripe. Redis
 * orders the commands, but replies reach the calling threads in any order; holding a key's stripe
 * from the command to the publication of its events makes this JVM publish a key's events in the
 * order Redis applied them. Several stripes are always taken in ascending order, so two bulk
 * operations cannot deadlock.
 */
final class KeyStripes {

  private final ReentrantLock[] locks;

  KeyStripes(int count) {
    locks = new ReentrantLock[Integer.highestOneBit(Math.max(1, count - 1)) << 1];
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** Runs {@code work} holding the stripe of {@code key}. */
  <T> T withLock(byte[] key, Supplier<T> work) {
    ReentrantLock lock = locks[index(key)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} holding the stripes of all {@code keys}. */
  <T> T withLocks(Collection<byte[]> keys, Supplier<T> work) {
    TreeSet<Integer> indexes = new TreeSet<>();
    for (byte[] key : keys) {
      indexes.add(index(key));
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

  private int index(byte[] key) {
    int hash = Arrays.hashCode(key) * 0x9E3779B9;
    return (hash ^ (hash >>> 16)) & (locks.length - 1);
  }
}
