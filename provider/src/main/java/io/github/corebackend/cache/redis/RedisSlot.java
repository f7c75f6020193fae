package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.spi.RecordingSlot;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The slot of one compare-and-set attempt: built from the bytes read, it records what the action
 * decided, for the compare-and-set script.
 */
class RedisSlot<V> extends RecordingSlot<V> {

  private final ValueCodec<V> values;
  private final Object key;
  private final byte @Nullable [] live;
  private @Nullable V decoded;

  /**
   * @param live the stored bytes of the live entry, or {@code null} when there is none
   */
  RedisSlot(ValueCodec<V> values, Object key, byte @Nullable [] live) {
    this.values = values;
    this.key = key;
    this.live = live;
  }

  /** How values of this slot become bytes and back. */
  final ValueCodec<V> values() {
    return values;
  }

  @Override
  public boolean exists() {
    return live != null;
  }

  @Override
  public @Nullable V value() {
    if (live != null && decoded == null) {
      decoded = values.decode(live, key);
    }
    return decoded;
  }

  @Override
  public @Nullable V valueIfReadable() {
    return live == null ? null : values.decodeIfReadable(live, key);
  }

  @Override
  public boolean valueEquals(V expected) {
    return live != null && ValueCodec.samePayload(live, values.encode(key, expected));
  }

  /** The serialized new value of a recorded put; empty otherwise. */
  byte[] payload() {
    return recorded() == Recorded.PUT
        ? values.encode(key, Objects.requireNonNull(newValue(), "a recorded put has a value"))
        : RedisCalls.NONE;
  }
}
