package io.github.corebackend.cache.config;

import java.time.Duration;

/**
 * How to reach one Redis deployment. Caches whose settings are equal share one connection.
 *
 * @param url the address: {@code redis://}, {@code rediss://}, {@code redis-sentinel://} or a cluster list
 * @param poolSize connections to a standalone or Sentinel-managed server
 * @param connectTimeout time allowed to connect
 * @param readTimeout time allowed for a reply
 * @param writeTimeout time allowed to send a command
 */
public record RedisSettings(String url, int poolSize, Duration connectTimeout, Duration readTimeout,
    Duration writeTimeout) {

  /** Time an operation may take before it fails: sending plus waiting for the reply. */
  public Duration commandTimeout() {
    return readTimeout.plus(writeTimeout);
  }
}
