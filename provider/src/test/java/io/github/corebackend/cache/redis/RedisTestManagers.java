package io.github.corebackend.cache.redis;

import java.net.URI;
import java.util.Properties;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

/** Cache managers on the redis backend, each in a namespace of its own so tests never meet. */
final class RedisTestManagers {

  private RedisTestManagers() {}

  /** A manager on {@code redisUrl} in a fresh namespace, with the extra settings given. */
  static CacheManager create(String redisUrl, String... keysAndValues) {
    Properties properties = new Properties();
    properties.setProperty("cache.backend", "redis");
    properties.setProperty("cache.redis.url", redisUrl);
    properties.setProperty("cache.namespace", "test-" + UUID.randomUUID());
    properties.setProperty("cache.redis.read-timeout", "1s");
    properties.setProperty("cache.redis.write-timeout", "1s");
    properties.setProperty("cache.redis.conn-timeout", "1s");
    properties.setProperty("cache.redis.pool-size", "2");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    CachingProvider provider = Caching.getCachingProvider();
    return provider.getCacheManager(URI.create("redis-test:" + UUID.randomUUID()), null, properties);
  }
}
