package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.redis.RedisConnection.RedisFailure;
import io.github.corebackend.cache.redis.RedisConnection.ScriptCall;
import io.github.corebackend.cache.redis.RedisConnection.TimedValues;
import io.github.corebackend.cache.spi.CacheBackendException;
import io.github.corebackend.cache.spi.EntryExpiry;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.KeyStripes;
import io.github.corebackend.cache.spi.KeyText;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * One cache's access to Redis: each call names the cache, the operation and its keys when it fails,
 * and runs in per-key order when listeners watch (a key's stripe is held from the command to the
 * report of its change, so this JVM reports a key's changes in the order Redis applied them).
 */
final class RedisCalls {

  static final byte[] NONE = new byte[0];
  static final byte[] ONE = bytes("1");
  static final byte[] ZERO = bytes("0");
  static final byte[] KEEP_EXPIRY = bytes("-1");

  private final String cacheName;
  private final RedisBackend backend;
  private final KeyStripes stripes = new KeyStripes(64);

  RedisCalls(String cacheName, RedisBackend backend) {
    this.cacheName = cacheName;
    this.backend = backend;
  }

  String cacheName() {
    return cacheName;
  }

  RedisBackend backend() {
    return backend;
  }

  KeyStripes stripes() {
    return stripes;
  }

  /** The connection for a whole-cache {@code operation}, opened if needed. */
  RedisConnection connection(String operation) {
    try {
      return backend.connection();
    } catch (RedisFailure e) {
      throw failure(operation, e);
    }
  }

  /** The connection for {@code operation} of the keys it is {@code about}, opened if needed. */
  RedisConnection connection(String operation, Collection<?> about) {
    try {
      return backend.connection();
    } catch (RedisFailure e) {
      throw failure(operation + " of " + subject(about), e);
    }
  }

  /** Runs script calls; a failure names the operation and the keys it was {@code about}. */
  List<List<Object>> eval(String operation, Collection<?> about, RedisScript script, List<ScriptCall> calls) {
    try {
      return backend.connection().eval(script, calls);
    } catch (RedisFailure e) {
      throw failure(operation + " of " + subject(about), e);
    }
  }

  /** Runs one script call about one key. */
  List<Object> evalOne(String operation, Object key, RedisScript script, List<byte[]> redisKeys, List<byte[]> args) {
    return eval(operation, List.of(key), script, List.of(new ScriptCall(redisKeys, args))).get(0);
  }

  /** Reads slot groups with plain MGETs (and the nodes' clocks when asked), one round trip. */
  List<TimedValues> read(String operation, Collection<?> about, List<List<byte[]>> slotGroups, boolean withClock) {
    try {
      return backend.connection().read(slotGroups, withClock);
    } catch (RedisFailure e) {
      throw failure(operation + " of " + subject(about), e);
    }
  }

  /** Stores slot groups of values without expiry with plain MSETs, one round trip. */
  void store(String operation, Collection<?> about, List<List<byte[]>> slotGroups, List<List<byte[]>> stored) {
    try {
      backend.connection().store(slotGroups, stored);
    } catch (RedisFailure e) {
      throw failure(operation + " of " + subject(about), e);
    }
  }

  /** Runs {@code work} holding the key's stripe when the operation is observed. */
  <T> T inOrder(Facts facts, byte[] redisKey, Supplier<T> work) {
    return facts.observed() ? stripes.withLock(KeyStripes.hashOf(redisKey), work) : work.get();
  }

  /** Runs {@code work} holding the stripes of every key of {@code groups} when the operation is observed. */
  <T> T inOrder(Facts facts, SlotGroups<?> groups, Supplier<T> work) {
    return facts.observed() ? stripes.withLocks(groups.hashes(), work) : work.get();
  }

  CacheBackendException failure(String operation, RuntimeException cause) {
    return backend.failure(cacheName, operation, cause);
  }

  static String subject(Collection<?> keys) {
    return keys.size() == 1 ? "key " + KeyText.of(keys.iterator().next()) : keys.size() + " keys";
  }

  /** A time-to-live as the scripts take it: -1 unchanged, -2 eternal, otherwise milliseconds. */
  static byte[] ttlArgument(long ttl) {
    if (ttl == EntryExpiry.ETERNAL) {
      return bytes("-2");
    }
    return ttl == EntryExpiry.UNCHANGED ? KEEP_EXPIRY : bytes(Long.toString(ttl));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
