package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.spi.CacheBackendException;
import io.github.corebackend.cache.spi.EntryGuard;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.KeyText;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.WriteOutcome;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A Redis entry held for a guarded write: this JVM's stripe of the key and the key's lock in Redis
 * are held from the read to the commit. The commit script applies the recorded change and releases
 * the lock in one round trip; a guard closed without a commit only releases the lock.
 */
final class RedisGuard<K, V> extends RedisSlot<V> implements EntryGuard<V> {

  private final Locked<K> locked;
  private final StoreEvents<K, V> events;
  private final Facts facts;
  private boolean released;

  /** Called with {@code stripe} held and the lock taken; the guard releases both. */
  RedisGuard(Locked<K> locked, byte @Nullable [] live, ValueCodec<V> values, StoreEvents<K, V> events, Facts facts) {
    super(values, locked.key(), live);
    this.locked = locked;
    this.events = events;
    this.facts = facts;
  }

  /** What taking the lock produced; a carrier, never compared. */
  @SuppressWarnings("ArrayRecordComponent")
  record Locked<K>(RedisCalls calls, String operation, K key, byte[] entryKey, byte[] lockKey, byte[] token,
      ReentrantLock stripe, String lease) {}

  @Override
  public WriteOutcome<V> commit(boolean withOldValue) {
    K key = locked.key();
    ValueCodec<V> values = values();
    try {
      List<Object> reply = locked.calls().evalOne(locked.operation(), key, RedisScript.COMMIT,
          List.of(locked.lockKey(), locked.entryKey()), List.of(locked.token(), RedisCalls.bytes(recorded().name()), payload(), RedisCalls.ttlArgument(ttl()),
              withOldValue || facts.oldValues() ? RedisCalls.ONE : RedisCalls.ZERO));
      long code = (Long) reply.get(0);
      if (code < 0) {
        throw new CacheBackendException("Cache '" + locked.calls().cacheName() + "': " + locked.operation()
            + " of key " + KeyText.of(key) + ": its lock ran out (cache.redis.lock-lease " + locked.lease()
            + ") before its write could be committed; the entry was dropped from the cache, so that readers go"
            + " to the system of record", null);
      }
      byte[] old = (byte[]) reply.get(1);
      byte[] expired = (byte[]) reply.get(2);
      if (expired != null) {
        events.expired(key, values.decode(expired, key));
      }
      WriteOutcome<V> outcome = RedisWrites.outcomeOf(RedisScript.resultOf(code),
          old == null ? null : values.decode(old, key), newValue());
      if (outcome.changed()) {
        events.changed(key, outcome);
      }
      return outcome;
    } finally {
      release(false);
    }
  }

  @Override
  public void close() {
    release(true);
  }

  private void release(boolean unlockInRedis) {
    if (released) {
      return;
    }
    released = true;
    try {
      if (unlockInRedis) {
        locked.calls().evalOne(locked.operation(), locked.key(), RedisScript.UNLOCK, List.of(locked.lockKey()),
            List.of(locked.token()));
      }
    } finally {
      locked.stripe().unlock();
    }
  }
}
