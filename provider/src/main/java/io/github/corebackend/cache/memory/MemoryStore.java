package io.github.corebackend.cache.memory;

import io.github.corebackend.cache.copy.Copier;
import io.github.corebackend.cache.spi.EntryAction;
import io.github.corebackend.cache.spi.EntryExpiry;
import io.github.corebackend.cache.spi.EntryGuard;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.KeyStripes;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.TimeSource;
import io.github.corebackend.cache.spi.WriteOutcome;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The embedded store: a {@link ConcurrentHashMap} of nodes, read without locks, written under the
 * map's per-key lock, optionally bounded by an {@link S3FifoPolicy}.
 *
 * <p>Invariants: a node in the map is tracked by the policy unless it was just inserted (the inserting
 * thread tracks it right after) or was just picked as a victim (the evicting thread removes it right
 * after); expired nodes stay until a read, a write or {@link #sweepExpired()} finds them. Every change
 * is reported inside the map's lock for its key, so a key's reports are in the order of its changes.
 * Guards lock a stripe of their own, so only guarded writes of a key wait for each other.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class MemoryStore<K, V> implements Store<K, V> {

  private final ConcurrentHashMap<K, MemoryNode<K>> map = new ConcurrentHashMap<>();
  private final long maximumSize;
  /** The eviction policy; {@code null} when the store is unbounded. */
  private final @Nullable S3FifoPolicy<K> policy;
  private final Copier copier;
  private final TimeSource clock;
  private final StoreEvents<K, V> events;
  private final KeyStripes guards = new KeyStripes(64);

  /**
   * Creates a store.
   *
   * @param maximumSize the most entries kept, or {@code 0} for no bound
   * @param copier store-by-value or store-by-reference
   * @param clock the time expiry is measured against
   * @param events told about every change, expiry and eviction
   */
  public MemoryStore(long maximumSize, Copier copier, TimeSource clock, StoreEvents<K, V> events) {
    if (maximumSize < 0) {
      throw new IllegalArgumentException("maximumSize must be 0 (unbounded) or positive: " + maximumSize);
    }
    this.maximumSize = maximumSize;
    this.policy = maximumSize == 0 ? null : new S3FifoPolicy<>(maximumSize);
    this.copier = copier;
    this.clock = clock;
    this.events = events;
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable V get(K key, Facts facts) {
    MemoryNode<K> node = map.get(key);
    if (node == null) {
      return null;
    }
    long expireAt = node.expireAt;
    long now = 0;
    if (expireAt != EntryExpiry.ETERNAL) {
      now = clock.currentTimeMillis();
      if (now >= expireAt) {
        expire(node, now);
        return null;
      }
    }
    S3FifoPolicy.recordAccess(node);
    long ttl = facts.expiry().ttlForAccess();
    if (ttl != EntryExpiry.UNCHANGED) {
      if (now == 0) {
        now = clock.currentTimeMillis();
      }
      node.casExpireAt(expireAt, EntryExpiry.deadline(now, ttl));
    }
    return (V) copier.fromStored(node.value);
  }

  @Override
  public boolean containsKey(K key) {
    MemoryNode<K> node = map.get(key);
    return node != null
        && (node.expireAt == EntryExpiry.ETERNAL || !node.isExpiredAt(clock.currentTimeMillis()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <R> R compute(K key, EntryAction<V, R> action, Facts facts) {
    MemorySlot<K, V> slot = new MemorySlot<>(copier, clock.currentTimeMillis());
    Object[] result = new Object[1];
    map.compute(copier.copyKey(key), (storedKey, node) -> {
      slot.begin(storedKey, node);
      R outcome = action.apply(slot);
      WriteOutcome<V> change = slot.outcome(facts.oldValues());
      MemoryNode<K> next = slot.commit();
      if (slot.expiredValue() != null) {
        events.expired(copier.copyKey(storedKey), (V) copier.fromStored(slot.expiredValue()));
      }
      if (change.changed()) {
        events.changed(copier.copyKey(storedKey), change);
      }
      result[0] = outcome;
      return next;
    });
    if (policy != null) {
      if (slot.dropped != null) {
        policy.onRemove(slot.dropped);
      }
      if (slot.inserted != null) {
        evict(policy, policy.onInsert(slot.inserted, map.mappingCount() > maximumSize));
      }
    }
    return (R) result[0];
  }

  /** Holds the key's guard stripe until the guard commits or closes; readers never wait for it. */
  @Override
  public EntryGuard<V> guard(K key, String operation, Facts facts) {
    ReentrantLock lock = guards.lockFor(key.hashCode());
    lock.lock();
    try {
      MemoryNode<K> node = map.get(key);
      boolean live = node != null && !node.isExpiredAt(clock.currentTimeMillis());
      return new MemoryGuard<>(this, key, facts, copier, lock, live ? node : null);
    } catch (RuntimeException | Error e) {
      lock.unlock();
      throw e;
    }
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator(Facts facts) {
    EntryExpiry expiry = facts.expiry();
    return new LiveNodeIterator<>(node -> {
      S3FifoPolicy.recordAccess(node);
      long ttl = expiry.ttlForAccess();
      if (ttl != EntryExpiry.UNCHANGED) {
        node.casExpireAt(node.expireAt, EntryExpiry.deadline(clock.currentTimeMillis(), ttl));
      }
      @SuppressWarnings("unchecked")
      V value = (V) copier.fromStored(node.value);
      return new AbstractMap.SimpleImmutableEntry<>(copier.copyKey(node.key), value);
    });
  }

  @Override
  public Iterator<K> keyIterator() {
    return new LiveNodeIterator<>(node -> copier.copyKey(node.key));
  }

  @Override
  public void clear() {
    if (policy == null) {
      map.clear();
    } else {
      policy.clear(map::clear);
    }
  }

  @Override
  public long size() {
    return map.mappingCount();
  }

  @Override
  public void close() {
    clear();
  }

  @Override
  public boolean needsSweeping() {
    return true;
  }

  /** Removes every entry that has expired, reporting each; never blocks readers. */
  @Override
  public int sweepExpired() {
    long now = clock.currentTimeMillis();
    int removed = 0;
    for (MemoryNode<K> node : map.values()) {
      if (node.isExpiredAt(now) && expire(node, now)) {
        removed++;
      }
    }
    return removed;
  }

  /** Removes {@code node} if it is still the key's node and still expired; reports it if so. */
  @SuppressWarnings("unchecked")
  private boolean expire(MemoryNode<K> node, long now) {
    boolean[] removed = new boolean[1];
    map.computeIfPresent(node.key, (key, current) -> {
      if (current != node || !current.isExpiredAt(now)) {
        return current;
      }
      events.expired(copier.copyKey(key), (V) copier.fromStored(current.value));
      removed[0] = true;
      return null;
    });
    if (removed[0] && policy != null) {
      policy.onRemove(node);
    }
    return removed[0];
  }

  /** Removes {@code victim}, then more victims of {@code bound} while the map is over its bound. */
  private void evict(S3FifoPolicy<K> bound, @Nullable MemoryNode<K> victim) {
    while (victim != null) {
      if (map.remove(victim.key, victim)) {
        events.evicted(copier.copyKey(victim.key));
      }
      victim = map.mappingCount() > maximumSize ? bound.nextVictim() : null;
    }
  }

  /** Walks the map's nodes, skipping (and expiring) those found expired. */
  private final class LiveNodeIterator<T> implements Iterator<T> {
    private final Iterator<MemoryNode<K>> nodes = map.values().iterator();
    private final Function<MemoryNode<K>, T> view;
    /** The next item, found by {@link #hasNext()}; {@code null} until then. */
    private @Nullable T next;

    LiveNodeIterator(Function<MemoryNode<K>, T> view) {
      this.view = view;
    }

    @Override
    public boolean hasNext() {
      while (next == null && nodes.hasNext()) {
        MemoryNode<K> node = nodes.next();
        long now = clock.currentTimeMillis();
        if (node.isExpiredAt(now)) {
          expire(node, now);
        } else {
          next = view.apply(node);
        }
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T result = Objects.requireNonNull(next, "hasNext() found the next item");
      next = null;
      return result;
    }
  }
}
