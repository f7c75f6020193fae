package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.redis.RedisConnection.RedisFailure;
import io.github.corebackend.cache.redis.RedisReads.Found;
import io.github.corebackend.cache.spi.Facts;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The whole-cache operations of a Redis store: {@code SCAN MATCH <prefix>*} on every master, in
 * batches; never {@code KEYS}, never {@code FLUSHDB}, never a key outside the cache's prefix.
 */
final class RedisScan<K, V> {

  private static final int BATCH = 500;

  private final RedisCalls calls;
  private final KeyCodec<K> keys;
  private final RedisReads<K, V> reads;

  RedisScan(RedisCalls calls, KeyCodec<K> keys, RedisReads<K, V> reads) {
    this.calls = calls;
    this.keys = keys;
    this.reads = reads;
  }

  /** The live entries, a batch at a time; a custom expiry policy is asked once per entry handed out. */
  Iterator<Map.Entry<K, V>> entries(Facts facts) {
    return new BatchIterator<>(batch -> reads.read("iterate", decode(batch), facts), hit -> {
      reads.touch(hit, facts.expiry());
      return new AbstractMap.SimpleImmutableEntry<>(hit.key(), hit.value());
    });
  }

  /** The keys of the live entries, without touching their expiry. */
  Iterator<K> keys() {
    return new BatchIterator<>(batch -> reads.read("iterate", decode(batch), Facts.UNOBSERVED_ETERNAL), Found::key);
  }

  /** Unlinks every key of the cache, a batch at a time. */
  void clear() {
    try {
      RedisConnection redis = calls.connection();
      Iterator<List<byte[]>> batches = redis.scan(keys.pattern(), BATCH);
      while (batches.hasNext()) {
        redis.unlink(batches.next());
      }
    } catch (RedisFailure e) {
      throw calls.failure("clear", e);
    }
  }

  /** The number of keys of the cache, expired ones not yet removed by Redis included. */
  long size() {
    try {
      long count = 0;
      Iterator<List<byte[]>> batches = calls.connection().scan(keys.pattern(), BATCH);
      while (batches.hasNext()) {
        count += batches.next().size();
      }
      return count;
    } catch (RedisFailure e) {
      throw calls.failure("size", e);
    }
  }

  private List<K> decode(List<byte[]> redisKeys) {
    List<K> decoded = new ArrayList<>(redisKeys.size());
    for (byte[] redisKey : redisKeys) {
      decoded.add(keys.decode(redisKey));
    }
    return decoded;
  }

  /** Turns SCAN batches into items, reading one batch at a time and converting each item on its way out. */
  private final class BatchIterator<T> implements Iterator<T> {
    private final Function<List<byte[]>, List<Found<K, V>>> load;
    private final Function<Found<K, V>, T> handOut;
    /** Null until the first {@link #hasNext()} starts the scan. */
    private @Nullable Iterator<List<byte[]>> batches;
    private Iterator<Found<K, V>> current = Collections.emptyIterator();

    BatchIterator(Function<List<byte[]>, List<Found<K, V>>> load, Function<Found<K, V>, T> handOut) {
      this.load = load;
      this.handOut = handOut;
    }

    @Override
    public boolean hasNext() {
      try {
        if (batches == null) {
          batches = calls.connection().scan(keys.pattern(), BATCH);
        }
        while (!current.hasNext() && batches.hasNext()) {
          current = load.apply(batches.next()).iterator();
        }
      } catch (RedisFailure e) {
        throw calls.failure("iteration", e);
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return handOut.apply(current.next());
    }
  }
}
