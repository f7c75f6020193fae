package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.config.RedisSettings;
import org.jspecify.annotations.Nullable;

/**
 * A Redis client library the redis and near backends can talk through. Implementations are found
 * with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/io.github.corebackend.cache.redis.RedisClientProvider}); each must not link its
 * library before {@link #isAvailable()} said it is there.
 */
public interface RedisClientProvider {

  /** The client's name, e.g. {@code lettuce}. */
  String name();

  /** The Maven coordinates of the library, for the error that says it is missing. */
  String artifact();

  /** Whether the library can be loaded by the provider's class loader. */
  boolean isAvailable();

  /**
   * Why the library, though available, cannot work with what is beside it on the class path (for
   * Lettuce, a Netty too old for it), naming the versions found and the fix; {@code null} when it
   * can. Asked before the first endpoint, so that cache creation fails, not every operation.
   */
  default @Nullable String incompatibility() {
    return null;
  }

  /**
   * The deployment {@code settings} point at, not connected yet.
   *
   * @throws IllegalArgumentException when the address is invalid, never echoing a password
   */
  RedisEndpoint endpoint(RedisSettings settings);
}
