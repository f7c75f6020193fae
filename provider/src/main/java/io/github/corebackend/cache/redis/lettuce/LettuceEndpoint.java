package io.github.corebackend.cache.redis.lettuce;

import io.github.corebackend.cache.config.RedisSettings;
import io.github.corebackend.cache.redis.KeyTracker;
import io.github.corebackend.cache.redis.RedisConnection;
import io.github.corebackend.cache.redis.RedisEndpoint;

/** A Redis deployment reached through Lettuce, with the timeouts and pool size of its settings. */
final class LettuceEndpoint implements RedisEndpoint {

  private final RedisAddress address;
  private final RedisSettings settings;

  LettuceEndpoint(RedisAddress address, RedisSettings settings) {
    this.address = address;
    this.settings = settings;
  }

  @Override
  public String address() {
    return address.toString();
  }

  @Override
  public boolean isCluster() {
    return address.topology() == RedisAddress.Topology.CLUSTER;
  }

  @Override
  public RedisConnection connect() {
    return LettuceConnection.open(address, timeouts(), settings.poolSize());
  }

  @Override
  public KeyTracker track() {
    return LettuceKeyTracker.open(address, timeouts());
  }

  private LettuceTimeouts timeouts() {
    return new LettuceTimeouts(settings.connectTimeout(), settings.commandTimeout());
  }
}
