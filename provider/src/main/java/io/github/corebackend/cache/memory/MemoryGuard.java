package io.github.corebackend.cache.memory;

import io.github.corebackend.cache.copy.Copier;
import io.github.corebackend.cache.spi.EntryGuard;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.ReplayAction;
import io.github.corebackend.cache.spi.WriteOutcome;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A memory entry held for a guarded write: the key's guard stripe is locked from the read to the
 * commit, which replays the recorded change inside the map's own lock for the key. Readers and
 * writers that take no guard are never blocked by it.
 */
final class MemoryGuard<K, V> extends LiveNodeSlot<K, V> implements EntryGuard<V> {

  private final MemoryStore<K, V> store;
  private final K key;
  private final Facts facts;
  private final ReentrantLock lock;
  private boolean released;

  /** Called with {@code lock} held; the guard releases it. */
  MemoryGuard(MemoryStore<K, V> store, K key, Facts facts, Copier copier, ReentrantLock lock,
      @Nullable MemoryNode<K> liveNode) {
    super(copier);
    this.store = store;
    this.key = key;
    this.facts = facts;
    this.lock = lock;
    showLive(liveNode);
  }

  @Override
  public WriteOutcome<V> commit(boolean withOldValue) {
    try {
      return store.compute(key, new ReplayAction<>(this, withOldValue), facts);
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    if (!released) {
      released = true;
      lock.unlock();
    }
  }
}
