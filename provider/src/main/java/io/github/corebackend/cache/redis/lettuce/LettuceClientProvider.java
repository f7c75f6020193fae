package io.github.corebackend.cache.redis.lettuce;

import io.github.corebackend.cache.config.RedisSettings;
import io.github.corebackend.cache.redis.RedisClientProvider;
import io.github.corebackend.cache.redis.RedisEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * Redis through Lettuce ({@code io.lettuce:lettuce-core}): thread-safe multiplexed connections,
 * standalone, Sentinel and Cluster, TLS, ACL users, RESP3 client-side caching for near caches.
 * This class links no Lettuce class until an endpoint is asked for.
 */
public final class LettuceClientProvider implements RedisClientProvider {

  /** The Maven coordinates users add. */
  public static final String ARTIFACT = "io.lettuce:lettuce-core";

  @Override
  public String name() {
    return "lettuce";
  }

  @Override
  public String artifact() {
    return ARTIFACT;
  }

  @Override
  public boolean isAvailable() {
    try {
      Class.forName("io.lettuce.core.RedisClient", false, LettuceClientProvider.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Lettuce 7 on a Netty older than 4.2: see {@link LettuceNetty}. Links no Lettuce class either. */
  @Override
  public @Nullable String incompatibility() {
    return LettuceNetty.mismatch();
  }

  @Override
  public RedisEndpoint endpoint(RedisSettings settings) {
    return new LettuceEndpoint(RedisAddress.parse(settings.url(), settings.connectTimeout()), settings);
  }
}
