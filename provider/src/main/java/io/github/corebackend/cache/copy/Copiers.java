package io.github.corebackend.cache.copy;

import io.github.corebackend.cache.serial.Serializers;
import io.github.corebackend.cache.spi.StoreContext;

/** The {@link Copier} a memory store of a cache uses: by reference, or by value through its serializer. */
public final class Copiers {

  private Copiers() {}

  /**
   * The copier of the cache {@code context} describes.
   *
   * @throws IllegalArgumentException when the configured serializer cannot be built
   */
  public static Copier of(StoreContext<?, ?> context) {
    if (!context.storeByValue()) {
      return Copier.IDENTITY;
    }
    return new SerializingCopier(
        Serializers.forCopies(context.settings(), context.cacheName(), context.keyType(), context.classLoader()),
        Serializers.forCopies(context.settings(), context.cacheName(), context.valueType(), context.classLoader()),
        context.cacheName());
  }
}
