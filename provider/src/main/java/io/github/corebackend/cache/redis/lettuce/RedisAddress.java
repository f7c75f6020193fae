package io.github.corebackend.cache.redis.lettuce;

import io.github.corebackend.cache.config.RedisUrl;
import io.github.corebackend.cache.config.RedisUrls;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StaticCredentialsProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A configured Redis address, parsed: one server ({@code redis://}, {@code rediss://} for TLS), a
 * Sentinel-managed master ({@code redis-sentinel://host:26379,host2:26379/0#mymaster}), or a cluster
 * ({@code redis-cluster://host:7000,host:7001}, {@code rediss-cluster://...}, or several
 * {@code redis://} addresses separated by commas). User, password and database follow the usual
 * {@code redis://user:password@host:port/db} form; the password may hold any character (see
 * {@link RedisUrl}).
 */
final class RedisAddress {

  /** How the servers at the address are organised. */
  enum Topology { STANDALONE, SENTINEL, CLUSTER }

  private static final List<String> CLUSTER_SCHEMES = List.of("redis-cluster", "rediss-cluster");

  private final Topology topology;
  private final List<RedisURI> uris;
  private final String display;

  private RedisAddress(Topology topology, List<RedisURI> uris, String display) {
    this.topology = topology;
    this.uris = uris;
    this.display = display;
  }

  /**
   * Parses {@code url}; every server's handshake (and a Sentinel's lookup of its master) is to
   * complete within {@code connectTimeout}, instead of Lettuce's default of 60 s.
   *
   * <p>The credentials are split off first ({@link RedisUrl}: up to the last {@code @}, decoded) and
   * given to each {@code RedisURI} by its setters; Lettuce parses only the rest. So a password may
   * hold any character, and no parser that might echo its input ever sees it.
   *
   * @throws IllegalArgumentException naming the problem, never echoing a password
   */
  static RedisAddress parse(String url, Duration connectTimeout) {
    try {
      RedisAddress address = parse(RedisUrl.listOf(RedisUrls.check(url)));
      for (RedisURI uri : address.uris) {
        uri.setTimeout(connectTimeout);
        uri.getSentinels().forEach(sentinel -> sentinel.setTimeout(connectTimeout));
      }
      return address;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a Redis address: '" + RedisUrl.masked(url) + "' (" + e.getMessage()
          + ")", e);
    }
  }

  private static RedisAddress parse(List<RedisUrl> urls) {
    RedisUrl first = urls.get(0);
    if (CLUSTER_SCHEMES.contains(first.scheme())) {
      String seedScheme = first.scheme().equals("rediss-cluster") ? "rediss://" : "redis://";
      List<RedisURI> seeds = new ArrayList<>();
      for (String host : first.rest().split("[/?#]", 2)[0].split(",", -1)) {
        seeds.add(withCredentials(RedisURI.create(seedScheme + host.trim()), first));
      }
      return new RedisAddress(Topology.CLUSTER, seeds, displayOf(seeds));
    }
    List<RedisURI> uris = new ArrayList<>();
    for (RedisUrl one : urls) {
      uris.add(withCredentials(RedisURI.create(one.withoutCredentials()), one));
    }
    Topology topology = uris.size() > 1 ? Topology.CLUSTER
        : uris.get(0).getSentinels().isEmpty() ? Topology.STANDALONE : Topology.SENTINEL;
    return new RedisAddress(topology, uris, displayOf(uris));
  }

  /**
   * Gives {@code uri} the user and password of {@code url}, if it has any: AUTH with the password
   * alone when there is no user. Through a credentials provider, which Lettuce 6.2 and later share:
   * Lettuce 7's {@code setAuthentication} does the same but is missing in 6.x, whose
   * {@code setUsername}/{@code setPassword} are gone in 7.
   */
  private static RedisURI withCredentials(RedisURI uri, RedisUrl url) {
    String password = url.password();
    if (password != null) {
      uri.setCredentialsProvider(new StaticCredentialsProvider(url.user(), password.toCharArray()));
    }
    return uri;
  }

  Topology topology() {
    return topology;
  }

  List<RedisURI> uris() {
    return uris;
  }

  /** The address without credentials, for messages. */
  @Override
  public String toString() {
    return display;
  }

  private static String displayOf(List<RedisURI> uris) {
    List<String> parts = new ArrayList<>();
    for (RedisURI uri : uris) {
      if (!uri.getSentinels().isEmpty()) {
        List<String> sentinels = new ArrayList<>();
        uri.getSentinels().forEach(sentinel -> sentinels.add(sentinel.getHost() + ":" + sentinel.getPort()));
        return "sentinel " + String.join(",", sentinels) + " master " + uri.getSentinelMasterId();
      }
      parts.add(uri.getHost() + ":" + uri.getPort() + (uri.getDatabase() == 0 ? "" : "/" + uri.getDatabase()));
    }
    return String.join(",", parts);
  }
}
