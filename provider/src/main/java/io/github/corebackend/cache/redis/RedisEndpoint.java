package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.redis.RedisConnection.RedisFailure;

/** One Redis deployment as a client library reaches it. */
public interface RedisEndpoint {

  /** The address, without credentials, for messages. */
  String address();

  /** Whether the deployment is a cluster, whose keys spread over several masters. */
  boolean isCluster();

  /**
   * Connects for commands.
   *
   * @throws RedisFailure when no connection can be made
   */
  RedisConnection connect();

  /**
   * Opens the connection that reports changed keys to near caches.
   *
   * @throws RedisFailure when no connection can be made
   */
  KeyTracker track();
}
