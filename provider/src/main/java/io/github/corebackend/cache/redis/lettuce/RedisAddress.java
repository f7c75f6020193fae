package io.github.corebackend.cache.redis.lettuce;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A configured Redis address, parsed: one server ({@code redis://}, {@code rediss://} for TLS), a
 * Sentinel-managed master ({@code redis-sentinel://host:26379,host2:26379/0#mymaster}), or a cluster
 * ({@code redis-cluster://host:7000,host:7001}, {@code rediss-cluster://...}, or several
 * {@code redis://} addresses separated by commas). User, password and database follow the usual
 * {@code redis://user:password@host:port/db} form.
 */
final class RedisAddress {

  /** How the servers at the address are organised. */
  enum Topology { STANDALONE, SENTINEL, CLUSTER }

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
   * @throws IllegalArgumentException naming the problem, never echoing a password
   */
  static RedisAddress parse(String url, Duration connectTimeout) {
    RedisAddress address = parse(url);
    for (RedisURI uri : address.uris) {
      uri.setTimeout(connectTimeout);
      uri.getSentinels().forEach(sentinel -> sentinel.setTimeout(connectTimeout));
    }
    return address;
  }

  private static RedisAddress parse(String url) {
    String text = url.trim();
    String lower = text.toLowerCase(Locale.ROOT);
    try {
      if (lower.startsWith("redis-cluster://") || lower.startsWith("rediss-cluster://")) {
        return cluster(text, lower.startsWith("rediss"));
      }
      if (!lower.startsWith("redis-sentinel") && text.contains(",")) {
        List<RedisURI> seeds = new ArrayList<>();
        for (String seed : text.split(",", -1)) {
          seeds.add(RedisURI.create(seed.trim()));
        }
        return new RedisAddress(Topology.CLUSTER, seeds, displayOf(seeds));
      }
      if (!lower.startsWith("redis://") && !lower.startsWith("rediss://") && !lower.startsWith("redis-sentinel")) {
        throw new IllegalArgumentException("use redis://, rediss://, redis-sentinel:// or redis-cluster://");
      }
      RedisURI uri = RedisURI.create(text);
      Topology topology = uri.getSentinels().isEmpty() ? Topology.STANDALONE : Topology.SENTINEL;
      return new RedisAddress(topology, List.of(uri), displayOf(List.of(uri)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a Redis address: '" + withoutPassword(text) + "' ("
          + e.getMessage() + ")", e);
    }
  }

  private static RedisAddress cluster(String text, boolean tls) {
    String rest = text.substring(text.indexOf("://") + 3);
    String credentials = "";
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      credentials = rest.substring(0, at + 1);
      rest = rest.substring(at + 1);
    }
    List<RedisURI> seeds = new ArrayList<>();
    for (String host : rest.split("[/?#]", 2)[0].split(",", -1)) {
      seeds.add(RedisURI.create((tls ? "rediss://" : "redis://") + credentials + host.trim()));
    }
    return new RedisAddress(Topology.CLUSTER, seeds, displayOf(seeds));
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

  private static String withoutPassword(String text) {
    return text.replaceAll("://[^@/]*@", "://***@");
  }
}
