package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.spi.CacheBackendException;
import io.github.corebackend.cache.spi.EntryGuard;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.KeyStripes;
import io.github.corebackend.cache.spi.KeyText;
import io.github.corebackend.cache.spi.StoreEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes the guards of a Redis store. A guarded write first takes its key's stripe in this JVM (so
 * this JVM's writers of a key queue here), then the key's lock in Redis with one script that also
 * reads the entry: one round trip when the lock is free. While another JVM holds it, the attempt is
 * repeated, backing off, until the holder commits or its lease runs out.
 *
 * <p>Invariant: a lock in Redis is held by at most one guard (SET NX with a token of its own) and for
 * at most the lease; the commit and the release check the token, so a guard never releases or
 * commits under a lock that has passed to another.
 */
final class RedisLocks<K, V> {

  private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final RedisCalls calls;
  private final KeyCodec<K> keys;
  private final LockKeys lockKeys;
  private final ValueCodec<V> values;
  private final StoreEvents<K, V> events;
  private final Duration lease;
  private final Duration commandTimeout;

  RedisLocks(RedisCalls calls, KeyCodec<K> keys, ValueCodec<V> values, StoreEvents<K, V> events, Duration lease,
      Duration commandTimeout) {
    this.calls = calls;
    this.keys = keys;
    this.lockKeys = new LockKeys(keys.prefix());
    this.values = values;
    this.events = events;
    this.lease = lease;
    this.commandTimeout = commandTimeout;
  }

  EntryGuard<V> guard(K key, String operation, Facts facts) {
    byte[] entryKey = keys.encode(key);
    ReentrantLock stripe = calls.stripes().lockFor(KeyStripes.hashOf(entryKey));
    stripe.lock();
    try {
      byte[] lockKey = lockKeys.of(entryKey, calls.connection(operation, List.of(key)).slot(entryKey));
      byte[] token = LockKeys.newToken();
      List<Object> reply = lock(operation, key, entryKey, lockKey, token);
      byte[] stored = (byte[]) reply.get(1);
      long serverMillis = (Long) reply.get(2);
      boolean live = stored != null && !ValueCodec.isExpired(stored, serverMillis);
      return new RedisGuard<>(new RedisGuard.Locked<>(calls, operation, key, entryKey, lockKey, token, stripe,
          lease.toString()), live ? stored : null, values, events, facts);
    } catch (RuntimeException | Error e) {
      stripe.unlock();
      throw e;
    }
  }

  /** Takes the lock, waiting for another JVM's guard to commit or its lease to run out. */
  private List<Object> lock(String operation, K key, byte[] entryKey, byte[] lockKey, byte[] token) {
    byte[] leaseMillis = RedisCalls.bytes(Long.toString(lease.toMillis()));
    long giveUpAt = System.nanoTime() + lease.plus(commandTimeout).toNanos();
    long backOff = TimeUnit.MICROSECONDS.toNanos(200);
    while (true) {
      List<Object> reply = calls.evalOne(operation, key, RedisScript.LOCK, List.of(lockKey, entryKey),
          List.of(token, leaseMillis));
      if ((Long) reply.get(0) == 1L) {
        return reply;
      }
      long remaining = giveUpAt - System.nanoTime();
      if (remaining <= 0) {
        throw new CacheBackendException("Cache '" + calls.cacheName() + "': " + operation + " of key " + KeyText.of(key) + " found it locked by "
            + "another writer for longer than its lease (cache.redis.lock-lease " + lease + ")", null);
      }
      long holderLeft = TimeUnit.MILLISECONDS.toNanos(Math.max(0, (Long) reply.get(1)));
      LockSupport.parkNanos(Math.min(Math.min(backOff, remaining), Math.max(holderLeft, 1)));
      backOff = Math.min(backOff * 2, MAX_BACKOFF_NANOS);
    }
  }
}
