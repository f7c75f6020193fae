package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.redis.RedisConnection.TimedValues;
import io.github.corebackend.cache.spi.EntryExpiry;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.StoreEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * The reads of a Redis store. Reads that leave the expiry alone are plain MGETs (with the server's
 * clock where entries can expire); entries found expired, or reads that move the expiry, go through
 * the read script, which removes expired entries and has the last word. One round trip either way,
 * except for a custom expiry policy, which is asked on each hit and may need a second one.
 */
final class RedisReads<K, V> {

  private static final byte[] DROP_EXPIRED = RedisCalls.ONE;

  private final RedisCalls calls;
  private final KeyCodec<K> keys;
  private final ValueCodec<V> values;
  private final StoreEvents<K, V> events;

  RedisReads(RedisCalls calls, KeyCodec<K> keys, ValueCodec<V> values, StoreEvents<K, V> events) {
    this.calls = calls;
    this.keys = keys;
    this.values = values;
    this.events = events;
  }

  /**
   * A live entry read: the bytes it was stored as and how long it has left; never compared. Its
   * value is decoded by {@link #valueOf} only where it is wanted, so that key listings and removals
   * never fail on a value they do not need.
   */
  @SuppressWarnings("ArrayRecordComponent")
  record Found<K>(K key, byte[] stored, long lifetime) {}

  /**
   * The value of a live entry read.
   *
   * @throws io.github.corebackend.cache.serial.CacheSerializationException naming the cache and key
   *     when the stored bytes cannot be read as a value of the cache's type
   */
  V valueOf(Found<K> hit) {
    return values.decode(hit.stored(), hit.key());
  }

  /**
   * Reads {@code requested}, one round trip for all slot groups, applying a standard policy's access
   * expiry to each hit; returns the live entries. A custom policy is applied by {@link #touch}.
   */
  List<Found<K>> read(String operation, List<K> requested, Facts facts) {
    if (requested.isEmpty()) {
      return new ArrayList<>();
    }
    SlotGroups<K> groups = SlotGroups.of(requested, keys, calls.connection(operation, requested));
    return calls.inOrder(facts, groups, () -> readGroups(operation, requested, groups, facts));
  }

  private List<Found<K>> readGroups(String operation, List<K> requested, SlotGroups<K> groups, Facts facts) {
    EntryExpiry expiry = facts.expiry();
    if (!readsPlainly(expiry)) {
      return readByScript(operation, requested, groups, RedisCalls.ttlArgument(expiry.ttlForAccess()));
    }
    List<TimedValues> replies = calls.read(operation, requested, groups.redisKeys(), !writesEternal(expiry));
    List<Found<K>> found = new ArrayList<>();
    List<K> undecided = new ArrayList<>();
    for (int g = 0; g < replies.size(); g++) {
      List<K> groupKeys = groups.keys().get(g);
      TimedValues reply = replies.get(g);
      for (int i = 0; i < groupKeys.size(); i++) {
        byte[] stored = reply.values().get(i);
        if (stored == null) {
          continue;
        }
        K key = groupKeys.get(i);
        if (certainlyLive(stored, reply)) {
          found.add(new Found<>(key, stored, lifetimeOf(stored, reply)));
        } else {
          undecided.add(key);
        }
      }
    }
    if (!undecided.isEmpty()) {
      found.addAll(readByScript(operation, undecided, SlotGroups.of(undecided, keys, calls.connection(operation, undecided)),
          RedisCalls.KEEP_EXPIRY));
    }
    return found;
  }

  /** Reads with one script call per slot group, which removes and reports expired entries. */
  private List<Found<K>> readByScript(String operation, List<K> requested, SlotGroups<K> groups,
      byte[] accessTtl) {
    List<byte[]> args = List.of(accessTtl, DROP_EXPIRED);
    List<List<Object>> replies = calls.eval(operation, requested, RedisScript.READ, groups.calls(group -> args));
    List<Found<K>> found = new ArrayList<>();
    for (int g = 0; g < replies.size(); g++) {
      List<K> groupKeys = groups.keys().get(g);
      List<Object> reply = replies.get(g);
      for (int i = 0; i < groupKeys.size(); i++) {
        K key = groupKeys.get(i);
        long status = (Long) reply.get(2 * i);
        byte[] stored = (byte[]) reply.get(2 * i + 1);
        if (status == 1) {
          found.add(new Found<>(key, stored, TrackedStore.UNKNOWN_LIFETIME));
        } else if (status == 2) {
          events.expired(key, values.decodeIfReadable(stored, key));
        }
      }
    }
    return found;
  }

  /**
   * Applies a custom expiry policy's access expiry to a hit handed out: the policy is asked once per
   * hit, and a second round trip moves the expiry.
   *
   * @param operation the JCache operation that read the hit, named when the touch fails
   */
  void touch(String operation, Found<K> hit, EntryExpiry expiry) {
    if (expiry.isFixed()) {
      return;
    }
    long ttl = expiry.ttlForAccess();
    if (ttl != EntryExpiry.UNCHANGED) {
      calls.evalOne(operation, hit.key(), RedisScript.COMPARE_AND_SET, List.of(keys.encode(hit.key())),
          List.of(hit.stored(), RedisCalls.bytes("TOUCH"), RedisCalls.NONE, RedisCalls.ttlArgument(ttl)));
    }
  }

  /** Whether reads leave the expiry alone, so that plain MGETs with the server's clock can serve them. */
  static boolean readsPlainly(EntryExpiry expiry) {
    return !expiry.isFixed() || expiry.ttlForAccess() == EntryExpiry.UNCHANGED;
  }

  /** Whether the policy only ever makes entries that never expire (those of an eternal cache). */
  static boolean writesEternal(EntryExpiry expiry) {
    return expiry.isFixed() && expiry.ttlForCreation() == EntryExpiry.ETERNAL
        && keepsEternal(expiry.ttlForUpdate()) && keepsEternal(expiry.ttlForAccess());
  }

  private static boolean keepsEternal(long ttl) {
    return ttl == EntryExpiry.ETERNAL || ttl == EntryExpiry.UNCHANGED;
  }

  /**
   * Whether a value read plainly is live: before its deadline by the clock read with it or, without
   * a clock, eternal. Bytes without a header count as live: an entry that a read reports as corrupt
   * and a removal removes.
   */
  private static boolean certainlyLive(byte[] stored, TimedValues reply) {
    long deadline = ValueCodec.deadlineOf(stored);
    return deadline < 0 || (reply.hasClock() ? deadline > reply.serverMillis() : deadline == ValueCodec.ETERNAL);
  }

  /** How long a value read plainly has left by the clock read with it. */
  private static long lifetimeOf(byte[] stored, TimedValues reply) {
    long deadline = ValueCodec.deadlineOf(stored);
    if (deadline == ValueCodec.ETERNAL) {
      return EntryExpiry.ETERNAL;
    }
    return reply.hasClock() ? deadline - reply.serverMillis() : TrackedStore.UNKNOWN_LIFETIME;
  }
}
