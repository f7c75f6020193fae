package io.github.corebackend.cache.config;

import java.util.List;
import java.util.Locale;

/**
 * Checks the form of a configured Redis address when the settings are resolved, so that a typo fails
 * when the manager is created, naming the setting, rather than at a cache's first operation. The
 * Redis backend parses the address fully when it connects.
 */
final class RedisUrls {

  private static final List<String> SCHEMES = List.of("redis://", "rediss://", "redis-sentinel://",
      "rediss-sentinel://", "redis-cluster://", "rediss-cluster://");

  private RedisUrls() {}

  /**
   * Returns {@code url} when it has a known scheme and every host has a valid port.
   *
   * @throws IllegalArgumentException saying what is wrong, never echoing a password
   */
  static String check(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("redis://") || lower.startsWith("rediss://")) {
      // A cluster may be given as several plain addresses separated by commas.
      for (String part : url.split(",", -1)) {
        checkOne(part.trim());
      }
    } else {
      checkOne(url);
    }
    return url;
  }

  private static void checkOne(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    String scheme = SCHEMES.stream().filter(lower::startsWith).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "not a Redis address: use redis://, rediss://, redis-sentinel:// or redis-cluster://"));
    String rest = url.substring(scheme.length());
    rest = rest.substring(rest.lastIndexOf('@') + 1);
    String hosts = rest.split("[/?#]", 2)[0];
    for (String host : hosts.split(",", -1)) {
      checkHost(host.trim());
    }
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
        throw new IllegalArgumentException("'" + port + "' is not a port number");
      }
    }
  }
}
