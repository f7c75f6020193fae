package io.github.corebackend.cache.memory;

import io.github.corebackend.cache.copy.Copiers;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.StoreContext;
import io.github.corebackend.cache.spi.StoreProvider;

/**
 * The {@code memory} backend, the embedded default: entries in this JVM's heap, bounded by
 * {@code cache.memory.max-items}, needing nothing beyond the JDK.
 */
public final class MemoryStoreProvider implements StoreProvider {

  /** The backend's name. */
  public static final String NAME = "memory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supportsStoreByReference() {
    return true;
  }

  @Override
  public <K, V> Store<K, V> create(StoreContext<K, V> context) {
    return new MemoryStore<>(context.settings().memoryMaxItems(), Copiers.of(context), context.clock(),
        context.events());
  }
}
