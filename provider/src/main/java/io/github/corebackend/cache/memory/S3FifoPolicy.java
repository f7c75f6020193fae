package io.github.corebackend.cache.memory;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The S3-FIFO eviction policy (Yang et al., SOSP 2023): a small FIFO queue that filters one-hit
 * wonders, a main FIFO queue with a two-bit CLOCK, and a ghost filter of keys recently evicted from
 * the small queue. It matches or beats LRU's hit ratio on most traces while a read only bumps a
 * counter: no lock, no reordering.
 *
 * <p>Insertions and removals take a lock, held only to link or unlink a node; the caller removes
 * victims from the map outside it.
 */
final class S3FifoPolicy<K> {

  private static final int MAX_FREQUENCY = 3;

  private final ReentrantLock lock = new ReentrantLock();
  private final long smallCapacity;
  private final NodeQueue<K> small = new NodeQueue<>(MemoryNode.SMALL_QUEUE);
  private final NodeQueue<K> main = new NodeQueue<>(MemoryNode.MAIN_QUEUE);
  private final GhostFilter ghost;

  S3FifoPolicy(long capacity) {
    this.smallCapacity = Math.max(1, capacity / 10);
    this.ghost = new GhostFilter(Math.max(1, capacity - smallCapacity));
  }

  /** Records a read or update; lock-free and allocation-free. */
  static void recordAccess(MemoryNode<?> node) {
    int frequency = node.frequency;
    if (frequency < MAX_FREQUENCY) {
      node.frequency = frequency + 1;
    }
  }

  /**
   * Starts tracking a node that was just added to the map and, when the map is over its bound, picks
   * the first victim under the same lock hold.
   *
   * @return the victim, or {@code null} when {@code overBound} is false or nothing is tracked
   */
  @Nullable MemoryNode<K> onInsert(MemoryNode<K> node, boolean overBound) {
    lock.lock();
    try {
      if (!node.retired && node.queue == MemoryNode.NO_QUEUE) {
        if (ghost.contains(node.key.hashCode())) {
          main.addHead(node);
        } else {
          small.addHead(node);
        }
      }
      return overBound ? selectVictim() : null;
    } finally {
      lock.unlock();
    }
  }

  /** Stops tracking a node that was removed from the map. */
  void onRemove(MemoryNode<K> node) {
    lock.lock();
    try {
      node.retired = true;
      unlink(node);
    } finally {
      lock.unlock();
    }
  }

  /** Picks the next entry to evict and stops tracking it; {@code null} when nothing is tracked. */
  @Nullable MemoryNode<K> nextVictim() {
    lock.lock();
    try {
      return selectVictim();
    } finally {
      lock.unlock();
    }
  }

  private @Nullable MemoryNode<K> selectVictim() {
    while (true) {
      if (small.size > 0 && (small.size >= smallCapacity || main.size == 0)) {
        MemoryNode<K> node = Objects.requireNonNull(small.removeTail(), "a queue of positive size has a tail");
        if (node.frequency > 0) {
          node.frequency = 0;
          main.addHead(node);
          continue;
        }
        ghost.add(node.key.hashCode());
        return node;
      }
      MemoryNode<K> node = main.removeTail();
      if (node == null) {
        return null;
      }
      if (node.frequency > 0) {
        node.frequency--;
        main.addHead(node);
        continue;
      }
      return node;
    }
  }

  /** Forgets every node and runs {@code clearMap} under the same lock, so insertions stay consistent. */
  void clear(Runnable clearMap) {
    lock.lock();
    try {
      small.clear();
      main.clear();
      ghost.clear();
      clearMap.run();
    } finally {
      lock.unlock();
    }
  }

  private void unlink(MemoryNode<K> node) {
    if (node.queue == MemoryNode.SMALL_QUEUE) {
      small.remove(node);
    } else if (node.queue == MemoryNode.MAIN_QUEUE) {
      main.remove(node);
    }
  }

  /** An intrusive doubly-linked FIFO queue: new nodes at the head, victims from the tail. */
  private static final class NodeQueue<K> {
    private final byte id;
    private @Nullable MemoryNode<K> head;
    private @Nullable MemoryNode<K> tail;
    long size;

    NodeQueue(byte id) {
      this.id = id;
    }

    void addHead(MemoryNode<K> node) {
      node.queue = id;
      node.prev = null;
      node.next = head;
      if (head == null) {
        tail = node;
      } else {
        head.prev = node;
      }
      head = node;
      size++;
    }

    @Nullable MemoryNode<K> removeTail() {
      MemoryNode<K> node = tail;
      if (node != null) {
        remove(node);
      }
      return node;
    }

    void remove(MemoryNode<K> node) {
      if (node.prev == null) {
        head = node.next;
      } else {
        node.prev.next = node.next;
      }
      if (node.next == null) {
        tail = node.prev;
      } else {
        node.next.prev = node.prev;
      }
      node.prev = null;
      node.next = null;
      node.queue = MemoryNode.NO_QUEUE;
      size--;
    }

    void clear() {
      for (MemoryNode<K> node = head; node != null; ) {
        MemoryNode<K> next = node.next;
        node.prev = null;
        node.next = null;
        node.queue = MemoryNode.NO_QUEUE;
        node = next;
      }
      head = null;
      tail = null;
      size = 0;
    }
  }
}
