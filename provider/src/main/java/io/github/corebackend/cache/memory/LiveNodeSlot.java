package io.github.corebackend.cache.memory;

import io.github.corebackend.cache.copy.Copier;
import io.github.corebackend.cache.spi.RecordingSlot;
import org.jspecify.annotations.Nullable;

/**
 * A recording slot over the node a memory entry was read as: whether it lives, its value (rebuilt
 * from the stored form once, on first use) and whether that value equals another.
 */
abstract class LiveNodeSlot<K, V> extends RecordingSlot<V> {

  private final Copier copier;
  private @Nullable MemoryNode<K> live;
  private @Nullable V liveValue;

  LiveNodeSlot(Copier copier) {
    this.copier = copier;
  }

  /** The live node the slot shows, or {@code null} when the entry is absent or expired. */
  final @Nullable MemoryNode<K> live() {
    return live;
  }

  /** Shows {@code node} as the live entry. */
  final void showLive(@Nullable MemoryNode<K> node) {
    live = node;
  }

  final Copier copier() {
    return copier;
  }

  @Override
  public final boolean exists() {
    return live != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public final @Nullable V value() {
    if (live != null && liveValue == null) {
      liveValue = (V) copier.fromStored(live.value);
    }
    return liveValue;
  }

  @Override
  public final boolean valueEquals(V expected) {
    return live != null && copier.storedEquals(live.value, expected);
  }
}
