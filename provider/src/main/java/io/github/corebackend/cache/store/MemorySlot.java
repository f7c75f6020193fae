package io.github.corebackend.cache.store;

/**
 * The {@link EntrySlot} of one {@link MemoryStore#compute} call: records what the action asks for and
 * turns it into the node the map keeps. Used by one thread, inside the map's lock for the key.
 */
final class MemorySlot<K, V> implements EntrySlot<V> {

  private static final int KEEP = 0;
  private static final int TOUCH = 1;
  private static final int PUT = 2;
  private static final int REMOVE = 3;

  private final Copier copier;
  private final long now;
  private K key;
  private MemoryNode<K> live;
  private MemoryNode<K> expired;
  private Object expiredValue;

  private int change;
  private Object newValue;
  private long newTtl;

  /** The node created by the commit, for the eviction policy to track. */
  MemoryNode<K> inserted;
  /** The node dropped by the commit, for the eviction policy to forget. */
  MemoryNode<K> dropped;

  MemorySlot(Copier copier, long now) {
    this.copier = copier;
    this.now = now;
  }

  /** Looks at the map's current node for {@code key}; an expired node counts as absent. */
  void begin(K key, MemoryNode<K> node) {
    this.key = key;
    if (node != null && node.isExpiredAt(now)) {
      expired = node;
      expiredValue = node.value;
    } else {
      live = node;
    }
  }

  /** The stored form of the value that had expired, or {@code null}. */
  Object expiredValue() {
    return expiredValue;
  }

  @Override
  public boolean exists() {
    return live != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V value() {
    return live == null ? null : (V) copier.fromStored(live.value);
  }

  @Override
  public boolean valueEquals(V expected) {
    return live != null && copier.storedEquals(live.value, expected);
  }

  @Override
  public void put(V value, long ttlMillis) {
    if (ttlMillis == EntryExpiry.UNCHANGED && live == null) {
      throw new IllegalStateException("No entry whose expiry could be kept");
    }
    change = PUT;
    newValue = copier.toStored(key, value);
    newTtl = ttlMillis;
  }

  @Override
  public void remove() {
    change = REMOVE;
  }

  @Override
  public void touch(long ttlMillis) {
    if (ttlMillis != EntryExpiry.UNCHANGED && live != null && change == KEEP) {
      change = TOUCH;
      newTtl = ttlMillis;
    }
  }

  /** Applies the recorded change and returns the node the map must hold afterwards, or null. */
  MemoryNode<K> commit() {
    switch (change) {
      case TOUCH:
        live.expireAt = EntryExpiry.deadline(now, newTtl);
        return live;
      case PUT:
        return commitPut();
      case REMOVE:
        dropped = live != null ? live : expired;
        return null;
      default:
        dropped = expired;
        return live;
    }
  }

  private MemoryNode<K> commitPut() {
    MemoryNode<K> node = live != null ? live : expired;
    if (node == null) {
      inserted = new MemoryNode<>(key, newValue, EntryExpiry.deadline(now, newTtl));
      return inserted;
    }
    // An expired node is reused for the new entry: it keeps its place in the eviction queues.
    node.value = newValue;
    if (newTtl != EntryExpiry.UNCHANGED) {
      node.expireAt = EntryExpiry.deadline(now, newTtl);
    }
    S3FifoPolicy.recordAccess(node);
    return node;
  }
}
