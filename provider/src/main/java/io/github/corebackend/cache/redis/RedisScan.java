package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.redis.RedisConnection.RedisFailure;
import io.github.corebackend.cache.redis.RedisReads.Found;
import io.github.corebackend.cache.serial.CacheSerializationException;
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
 *
 * <p>One unreadable entry never stops them: iteration skips an entry whose key or value cannot be
 * read as the cache's types (as it skips one that expires meanwhile), and the key listing behind
 * {@code removeAll()} reads no value at all. A skipped entry is logged, and a single-key read of it
 * still fails naming it; {@code clear()} removes it with the rest.
 */
final class RedisScan<K, V> {

  private static final System.Logger LOG = System.getLogger(RedisScan.class.getName());
  private static final int BATCH = 500;
  private static final String ITERATION = "iteration";
  /** The listing of keys behind {@code removeAll()}. */
  private static final String KEY_LISTING = "key listing";

  private final RedisCalls calls;
  private final KeyCodec<K> keys;
  private final RedisReads<K, V> reads;
  /** Whether a skipped entry was logged as a warning; later ones are logged at debug level. */
  private volatile boolean warned;

  RedisScan(RedisCalls calls, KeyCodec<K> keys, RedisReads<K, V> reads) {
    this.calls = calls;
    this.keys = keys;
    this.reads = reads;
  }

  /**
   * The live, readable entries, a batch at a time; a custom expiry policy is asked once per entry
   * handed out.
   */
  Iterator<Map.Entry<K, V>> entries(Facts facts) {
    return new BatchIterator<>(ITERATION, batch -> readable(reads.read(ITERATION, readableKeys(batch), facts)),
        hit -> handOut(hit, facts));
  }

  private Map.Entry<K, V> handOut(Hit<K, V> hit, Facts facts) {
    reads.touch(ITERATION, hit.found(), facts.expiry());
    return new AbstractMap.SimpleImmutableEntry<>(hit.found().key(), hit.value());
  }

  /** The readable keys of the live entries, without reading their values or touching their expiry. */
  Iterator<K> keys() {
    return new BatchIterator<>(KEY_LISTING, batch -> {
      List<K> live = new ArrayList<>();
      reads.read(KEY_LISTING, readableKeys(batch), Facts.UNOBSERVED_ETERNAL).forEach(hit -> live.add(hit.key()));
      return live;
    }, key -> key);
  }

  /** Unlinks every key of the cache, a batch at a time. */
  void clear() {
    try {
      RedisConnection redis = calls.connection("clear");
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
      Iterator<List<byte[]>> batches = calls.connection("size").scan(keys.pattern(), BATCH);
      while (batches.hasNext()) {
        count += batches.next().size();
      }
      return count;
    } catch (RedisFailure e) {
      throw calls.failure("size", e);
    }
  }

  private List<K> readableKeys(List<byte[]> redisKeys) {
    List<K> decoded = new ArrayList<>(redisKeys.size());
    for (byte[] redisKey : redisKeys) {
      try {
        decoded.add(keys.decode(redisKey));
      } catch (CacheSerializationException unreadable) {
        skipped(unreadable);
      }
    }
    return decoded;
  }

  private List<Hit<K, V>> readable(List<Found<K>> found) {
    List<Hit<K, V>> hits = new ArrayList<>(found.size());
    for (Found<K> entry : found) {
      try {
        hits.add(new Hit<>(entry, reads.valueOf(entry)));
      } catch (CacheSerializationException unreadable) {
        skipped(unreadable);
      }
    }
    return hits;
  }

  private void skipped(CacheSerializationException unreadable) {
    LOG.log(warned ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
        "Iteration skips an entry it cannot read (clear() removes such entries): " + unreadable.getMessage());
    warned = true;
  }

  /** An entry read with its decoded value. */
  private record Hit<K, V>(Found<K> found, V value) {}

  /**
   * Turns SCAN batches into items, loading one batch at a time and converting each item on its way
   * out.
   */
  private final class BatchIterator<S, T> implements Iterator<T> {
    private final String operation;
    private final Function<List<byte[]>, List<S>> load;
    private final Function<S, T> handOut;
    /** Null until the first {@link #hasNext()} starts the scan. */
    private @Nullable Iterator<List<byte[]>> batches;
    private Iterator<S> current = Collections.emptyIterator();

    BatchIterator(String operation, Function<List<byte[]>, List<S>> load, Function<S, T> handOut) {
      this.operation = operation;
      this.load = load;
      this.handOut = handOut;
    }

    @Override
    public boolean hasNext() {
      try {
        if (batches == null) {
          batches = calls.connection(operation).scan(keys.pattern(), BATCH);
        }
        while (!current.hasNext() && batches.hasNext()) {
          current = load.apply(batches.next()).iterator();
        }
      } catch (RedisFailure e) {
        throw calls.failure(operation, e);
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
