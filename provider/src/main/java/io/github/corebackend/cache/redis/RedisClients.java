package io.github.corebackend.cache.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.cache.CacheException;

/** The Redis client libraries the backends know, and the choice among those on the class path. */
final class RedisClients {

  private static final List<RedisClientProvider> KNOWN = load();

  private RedisClients() {}

  /**
   * The first client whose library is on the class path.
   *
   * @throws CacheException naming the artifacts to add when none is, or why the first one there
   *     cannot work ({@link RedisClientProvider#incompatibility()})
   */
  static RedisClientProvider available(String who, String backend) {
    List<String> artifacts = new ArrayList<>();
    for (RedisClientProvider client : KNOWN) {
      if (client.isAvailable()) {
        String incompatibility = client.incompatibility();
        if (incompatibility != null) {
          throw new CacheException(who + " uses the " + backend + " backend, but "
              + incompatibility);
        }
        return client;
      }
      artifacts.add(client.artifact());
    }
    throw new CacheException(who + " uses the " + backend + " backend, which needs "
        + String.join(" or ", artifacts) + " on the classpath; add that dependency or use the memory backend");
  }

  private static List<RedisClientProvider> load() {
    List<RedisClientProvider> clients = new ArrayList<>();
    ServiceLoader.load(RedisClientProvider.class, RedisClientProvider.class.getClassLoader()).forEach(clients::add);
    return List.copyOf(clients);
  }
}
