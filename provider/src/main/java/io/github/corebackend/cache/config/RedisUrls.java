package io.github.corebackend.cache.config;

import java.util.List;

/**
 * Checks the form of a configured Redis address when the settings are resolved, so that a typo fails
 * when the manager is created, naming the setting, rather than at a cache's first operation. The
 * Redis client parses the address fully when it connects, after the same check.
 */
public final class RedisUrls {

  private static final List<String> SCHEMES = List.of("redis", "rediss", "redis-sentinel", "rediss-sentinel",
      "redis-cluster", "rediss-cluster");
  private static final List<String> SINGLE_SERVER = List.of("redis", "rediss");

  private RedisUrls() {}

  /**
   * Returns {@code url} when it has a known scheme and every host has a valid port.
   *
   * @throws IllegalArgumentException saying what is wrong, never echoing a password
   */
  public static String check(String url) {
    List<RedisUrl> urls = RedisUrl.listOf(url);
    for (RedisUrl one : urls) {
      if (!SCHEMES.contains(one.scheme())) {
        throw new IllegalArgumentException(
            "not a Redis address: use redis://, rediss://, redis-sentinel:// or redis-cluster://");
      }
      String hosts = one.rest().split("[/?#]", 2)[0];
      boolean singleServer = SINGLE_SERVER.contains(one.scheme());
      if (urls.size() > 1 && !singleServer) {
        throw new IllegalArgumentException("not a Redis address: only redis:// and rediss:// addresses can be "
            + "listed; a Sentinel or Cluster address lists its hosts after one scheme");
      }
      if (singleServer && hosts.contains(",")) {
        // A cluster may be given as several plain addresses separated by commas, each with its scheme.
        throw new IllegalArgumentException("not a Redis address: list servers as redis://a:6379,redis://b:6379 "
            + "or redis-cluster://a:6379,b:6379");
      }
      for (String host : hosts.split(",", -1)) {
        checkHost(host.trim());
      }
    }
    return url;
  }

  private static void checkHost(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    boolean hasPort = colon > hostAndPort.lastIndexOf(']');
    String host = hasPort ? hostAndPort.substring(0, colon) : hostAndPort;
    if (host.isEmpty()) {
      throw new IllegalArgumentException("a Redis address needs a host, e.g. redis://cache.example:6379");
    }
    if (hasPort) {
      String port = hostAndPort.substring(colon + 1);
      if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
        // Never echoed: in redis://user:secret, with the '@host' part forgotten, the "port" is the password.
        throw new IllegalArgumentException("what follows the host's ':' is not a port number (1 to 65535)");
      }
    }
  }
}
