package io.github.corebackend.cache.redis;

/**
 * Tells whether the Redis client library is on the classpath, without touching any of its classes, so
 * that the provider can fail with a clear message instead of a {@link NoClassDefFoundError}.
 */
public final class RedisAvailability {

  /** The Maven coordinates users must add. */
  public static final String LETTUCE_ARTIFACT = "io.lettuce:lettuce-core";

  private RedisAvailability() {}

  /** Whether Lettuce can be loaded by the provider's class loader. */
  public static boolean isLettucePresent() {
    try {
      Class.forName("io.lettuce.core.RedisClient", false, RedisAvailability.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
