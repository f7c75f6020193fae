package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.redis.RedisConnection.RedisFailure;
import io.github.corebackend.cache.redis.RedisReads.Found;
import io.github.corebackend.cache.spi.EntryAction;
import io.github.corebackend.cache.spi.EntryGuard;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.WriteKind;
import io.github.corebackend.cache.spi.WriteOp;
import io.github.corebackend.cache.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Entries in Redis, one key per entry, with native expiry. Each operation is one round trip: the
 * five standard expiry policies let a script ({@link RedisWrites}) or a plain command decide in the
 * server; work that must run in the JVM reads and writes back with compare-and-set
 * ({@link RedisCompareAndSet}); writes with a cache writer run under a lock ({@link RedisLocks}).
 * Reads are {@link RedisReads}; whole-cache operations {@link RedisScan}.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
final class RedisStore<K, V> implements TrackedStore<K, V> {

  private final RedisCalls calls;
  private final KeyCodec<K> keys;
  private final RedisReads<K, V> reads;
  private final RedisWrites<K, V> writes;
  private final RedisCompareAndSet<K, V> compareAndSet;
  private final RedisLocks<K, V> locks;
  private final RedisScan<K, V> scan;

  RedisStore(RedisCalls calls, KeyCodec<K> keys, RedisReads<K, V> reads, RedisWrites<K, V> writes,
      RedisCompareAndSet<K, V> compareAndSet, RedisLocks<K, V> locks) {
    this.calls = calls;
    this.keys = keys;
    this.reads = reads;
    this.writes = writes;
    this.compareAndSet = compareAndSet;
    this.locks = locks;
    this.scan = new RedisScan<>(calls, keys, reads);
  }

  @Override
  public @Nullable V get(K key, Facts facts) {
    List<Found<K>> hits = reads.read("get", List.of(key), facts);
    if (hits.isEmpty()) {
      return null;
    }
    Found<K> hit = hits.get(0);
    V value = reads.valueOf(hit);
    reads.touch("get", hit, facts.expiry());
    return value;
  }

  @Override
  public Map<K, V> getAll(Collection<? extends K> requested, Facts facts) {
    Map<K, V> found = new LinkedHashMap<>();
    for (Found<K> hit : reads.read("getAll", new ArrayList<>(requested), facts)) {
      found.put(hit.key(), reads.valueOf(hit));
      reads.touch("getAll", hit, facts.expiry());
    }
    return found;
  }

  @Override
  public Map<K, Timed<V>> getAllTimed(String operation, Collection<? extends K> requested, Facts facts) {
    Map<K, Timed<V>> found = new LinkedHashMap<>();
    for (Found<K> hit : reads.read(operation, new ArrayList<>(requested), facts)) {
      found.put(hit.key(), new Timed<>(reads.valueOf(hit), hit.lifetime()));
      reads.touch(operation, hit, facts.expiry());
    }
    return found;
  }

  @Override
  public boolean containsKey(K key) {
    List<Object> reply = calls.evalOne("containsKey", key, RedisScript.EXISTS, List.of(keys.encode(key)), List.of());
    return (Long) reply.get(0) == 1L;
  }

  @Override
  public <R> R compute(K key, EntryAction<V, R> action, Facts facts) {
    return compareAndSet.compute(key, action, facts);
  }

  @Override
  public WriteOutcome<V> write(K key, WriteOp<V> op, Facts facts) {
    return facts.expiry().isFixed() ? writes.write(key, op, facts) : TrackedStore.super.write(key, op, facts);
  }

  @Override
  public EntryGuard<V> guard(K key, String operation, Facts facts) {
    return locks.guard(key, operation, facts);
  }

  @Override
  public int writeAll(Map<? extends K, ? extends V> entries, WriteKind kind, Facts facts) {
    if (!facts.expiry().isFixed()) {
      return TrackedStore.super.writeAll(entries, kind, facts);
    }
    return writes.writeAll(kind, new LinkedHashMap<>(entries), facts);
  }

  @Override
  public int removeAll(Collection<? extends K> toRemove, Facts facts) {
    return writes.removeAll(new ArrayList<>(toRemove), facts);
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator(Facts facts) {
    return scan.entries(facts);
  }

  @Override
  public Iterator<K> keyIterator() {
    return scan.keys();
  }

  @Override
  public void clear() {
    scan.clear();
  }

  @Override
  public long size() {
    return scan.size();
  }

  @Override
  public AutoCloseable track(Changes<K> changes) {
    try {
      return calls.backend().tracker().track(keys.prefix(), listenerOf(changes));
    } catch (RedisFailure e) {
      throw calls.failure("tracking keys", e);
    }
  }

  private KeyTracker.Listener listenerOf(Changes<K> changes) {
    return new KeyTracker.Listener() {
      @Override
      public void invalidated(byte[] redisKey) {
        K key;
        try {
          key = keys.decode(redisKey);
        } catch (RuntimeException unreadable) {
          changes.reset(); // a key this cache cannot read: forgetting everything is always safe
          return;
        }
        changes.changed(key);
      }

      @Override
      public void reset() {
        changes.reset();
      }
    };
  }

  @Override
  public long readySince() {
    return calls.backend().connectedSince();
  }

  @Override
  public long trackingReadySince() {
    return calls.backend().trackerConnectedSince();
  }

  @Override
  public long trackingGeneration() {
    return calls.backend().tracker().generation();
  }

  @Override
  public long trackingConfirmedAt() {
    return calls.backend().tracker().confirmedAt();
  }

  @Override
  public void close() {
    // The connection belongs to the manager's backend, and the entries to Redis.
  }
}
