package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.store.EntryExpiry;
import io.github.corebackend.cache.store.EntrySlot;

/**
 * The {@link EntrySlot} of one compare-and-set attempt: built from the bytes read, it records what
 * the action decided as the arguments of the CAS script.
 */
final class RedisSlot<V> implements EntrySlot<V> {

  private final ValueCodec<V> values;
  private final Object key;
  private final byte[] live;
  private V decoded;
  private String action;
  private byte[] payload = new byte[0];
  private long ttl = EntryExpiry.UNCHANGED;

  /**
   * @param live the stored bytes of the live entry, or {@code null} when there is none
   */
  RedisSlot(ValueCodec<V> values, Object key, byte[] live) {
    this.values = values;
    this.key = key;
    this.live = live;
  }

  @Override
  public boolean exists() {
    return live != null;
  }

  @Override
  public V value() {
    if (live != null && decoded == null) {
      decoded = values.decode(live, key);
    }
    return decoded;
  }

  @Override
  public boolean valueEquals(V expected) {
    return live != null && ValueCodec.samePayload(live, values.encode(key, expected));
  }

  @Override
  public void put(V value, long ttlMillis) {
    if (ttlMillis == EntryExpiry.UNCHANGED && live == null) {
      throw new IllegalStateException("No entry whose expiry could be kept");
    }
    action = "put";
    payload = values.encode(key, value);
    ttl = ttlMillis;
  }

  @Override
  public void remove() {
    action = "remove";
  }

  @Override
  public void touch(long ttlMillis) {
    if (ttlMillis != EntryExpiry.UNCHANGED && live != null && action == null) {
      action = "touch";
      ttl = ttlMillis;
    }
  }

  /** The CAS action (put, remove, touch), or {@code null} when the action changed nothing. */
  String action() {
    return action;
  }

  byte[] payload() {
    return payload;
  }

  long ttl() {
    return ttl;
  }
}
