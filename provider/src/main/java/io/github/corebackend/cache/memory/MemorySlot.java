package io.github.corebackend.cache.memory;

import io.github.corebackend.cache.copy.Copier;
import io.github.corebackend.cache.spi.EntryExpiry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The slot of one {@link MemoryStore#compute} call: records what the action asks for and turns it
 * into the node the map keeps. Used by one thread, inside the map's lock for the key.
 */
final class MemorySlot<K, V> extends LiveNodeSlot<K, V> {

  private final long now;
  /** Set by {@link #begin}, before the action runs. */
  private @Nullable K key;
  private @Nullable MemoryNode<K> expired;
  private @Nullable Object expiredValue;

  /** The node created by the commit, for the eviction policy to track. */
  @Nullable MemoryNode<K> inserted;
  /** The node dropped by the commit, for the eviction policy to forget. */
  @Nullable MemoryNode<K> dropped;

  MemorySlot(Copier copier, long now) {
    super(copier);
    this.now = now;
  }

  /** Looks at the map's current node for {@code key}; an expired node counts as absent. */
  void begin(K key, @Nullable MemoryNode<K> node) {
    this.key = key;
    if (node != null && node.isExpiredAt(now)) {
      expired = node;
      expiredValue = node.value;
    } else {
      showLive(node);
    }
  }

  /** The stored form of the value that had expired, or {@code null}. */
  @Nullable Object expiredValue() {
    return expiredValue;
  }

  /**
   * Applies the recorded change and returns the node the map must hold afterwards, or null; the
   * live node may be changed in place, so its value must be read before.
   */
  @Nullable MemoryNode<K> commit() {
    MemoryNode<K> live = live();
    switch (recorded()) {
      case TOUCH:
        MemoryNode<K> touched = Objects.requireNonNull(live, "a touch is only recorded on a live entry");
        touched.expireAt = EntryExpiry.deadline(now, ttl());
        return touched;
      case PUT:
        K putKey = Objects.requireNonNull(key, "begin() names the key");
        V value = Objects.requireNonNull(newValue(), "a recorded put has a value");
        return commitPut(putKey, copier().toStored(putKey, value), live);
      case REMOVE:
        dropped = live != null ? live : expired;
        return null;
      default:
        dropped = expired;
        return live;
    }
  }

  private MemoryNode<K> commitPut(K putKey, Object stored, @Nullable MemoryNode<K> live) {
    long ttl = ttl();
    MemoryNode<K> node = live != null ? live : expired;
    if (node == null) {
      inserted = new MemoryNode<>(putKey, stored, EntryExpiry.deadline(now, ttl));
      return inserted;
    }
    // An expired node is reused for the new entry: it keeps its place in the eviction queues.
    node.value = stored;
    if (ttl != EntryExpiry.UNCHANGED) {
      node.expireAt = EntryExpiry.deadline(now, ttl);
    }
    S3FifoPolicy.recordAccess(node);
    return node;
  }
}
