package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.redis.RedisConnection.TimedValues;
import io.github.corebackend.cache.spi.CacheBackendException;
import io.github.corebackend.cache.spi.EntryAction;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.KeyText;
import io.github.corebackend.cache.spi.RecordingSlot;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.WriteOutcome;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Work that must run in the JVM (an entry processor, an expiry policy other than the five standard
 * ones): read the entry with the server's clock, let the action decide, then write back with a
 * compare-and-set on the bytes read, retrying when another writer got there first. Two round trips,
 * atomic across JVMs; the action runs once per attempt, so it must have no effect outside its slot.
 */
final class RedisCompareAndSet<K, V> {

  private static final int MAX_ATTEMPTS = 1_000;

  private final RedisCalls calls;
  private final KeyCodec<K> keys;
  private final ValueCodec<V> values;
  private final StoreEvents<K, V> events;

  RedisCompareAndSet(RedisCalls calls, KeyCodec<K> keys, ValueCodec<V> values, StoreEvents<K, V> events) {
    this.calls = calls;
    this.keys = keys;
    this.values = values;
    this.events = events;
  }

  <R> R compute(K key, EntryAction<V, R> action, Facts facts) {
    byte[] redisKey = keys.encode(key);
    return calls.inOrder(facts, redisKey, () -> attempt(key, redisKey, action, facts));
  }

  private <R> R attempt(K key, byte[] redisKey, EntryAction<V, R> action, Facts facts) {
    List<List<byte[]>> group = List.of(List.of(redisKey));
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      TimedValues read = calls.read(action.operation(), List.of(key), group, true).get(0);
      byte[] stored = read.values().get(0);
      boolean expired = stored != null && ValueCodec.isExpired(stored, read.serverMillis());
      RedisSlot<V> slot = new RedisSlot<>(values, key, stored == null || expired ? null : stored);
      R result = action.apply(slot);
      if (slot.recorded() == RecordingSlot.Recorded.NOTHING && !expired) {
        return result;
      }
      List<Object> applied = calls.evalOne(action.operation(), key, RedisScript.COMPARE_AND_SET, List.of(redisKey),
          List.of(stored == null ? RedisCalls.NONE : stored, RedisCalls.bytes(slot.recorded().name()),
              slot.payload(), RedisCalls.ttlArgument(slot.ttl())));
      if ((Long) applied.get(0) == 1L) {
        if (expired) {
          events.expired(key, values.decodeIfReadable(stored, key));
        }
        WriteOutcome<V> outcome = slot.outcome(facts.oldValues());
        if (outcome.changed()) {
          events.changed(key, outcome);
        }
        return result;
      }
      backOff(attempt);
    }
    throw new CacheBackendException("Cache '" + calls.cacheName() + "': " + action.operation() + " gave up on key "
        + KeyText.of(key) + " after "
        + MAX_ATTEMPTS + " attempts; other writers kept changing it", null);
  }

  private static void backOff(int attempt) {
    if (attempt > 3) {
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 50_000L * Math.min(attempt, 40)));
    }
  }
}
