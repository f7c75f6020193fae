package io.github.corebackend.cache.config;

import java.util.Locale;

/**
 * A configuration key, readable as a provider property or system property ({@link #key()}) and as an
 * environment variable ({@link #environmentVariable()}, the key upper-cased with {@code .} and
 * {@code -} turned into {@code _}).
 */
public enum Setting {
  /** {@code memory} or {@code redis}. */
  BACKEND("cache.backend", "memory"),
  /** Prefix of every store key of the manager's caches. */
  NAMESPACE("cache.namespace", "default"),
  /** Expiry of caches configured as eternal (the JCache default); {@code 0} keeps them eternal. */
  DEFAULT_TTL("cache.default-ttl", "0"),
  /** How remote stores serialize keys and values: {@code jdk}. */
  SERIALIZER("cache.serializer", "jdk"),
  /**
   * Classes, besides JDK value types, that may be deserialized from a remote store, as
   * {@link java.io.ObjectInputFilter} patterns separated by {@code ;} (e.g. {@code com.example.**}).
   */
  SERIALIZER_ALLOW_LIST("cache.serializer.allow-list", ""),
  /** Bound of each memory cache; {@code 0} means unbounded. */
  MEMORY_MAX_ITEMS("cache.memory.max-items", "10000"),
  /** Period of the sweep that removes expired memory entries; {@code 0} disables it. */
  MEMORY_CLEANUP_INTERVAL("cache.memory.cleanup-interval", "5m"),
  /** Keep memory caches by reference even when their configuration asks for store-by-value. */
  MEMORY_STORE_BY_REFERENCE("cache.memory.store-by-reference", "false"),
  /** Redis address: {@code redis://}, {@code rediss://}, {@code redis-sentinel://} or a cluster list. */
  REDIS_URL("cache.redis.url", "redis://127.0.0.1:6379"),
  /**
   * Connections to a single Redis server. One multiplexed connection carries concurrent callers'
   * commands in shared writes and reads; more only help when large values would queue behind
   * each other.
   */
  REDIS_POOL_SIZE("cache.redis.pool-size", "1"),
  /** Time allowed to connect to Redis. */
  REDIS_CONN_TIMEOUT("cache.redis.conn-timeout", "2s"),
  /** Time allowed for a Redis reply. */
  REDIS_READ_TIMEOUT("cache.redis.read-timeout", "2s"),
  /** Time allowed to send a Redis command. */
  REDIS_WRITE_TIMEOUT("cache.redis.write-timeout", "2s");

  private final String key;
  private final String defaultValue;

  Setting(String key, String defaultValue) {
    this.key = key;
    this.defaultValue = defaultValue;
  }

  /** The property and system-property name, e.g. {@code cache.memory.max-items}. */
  public String key() {
    return key;
  }

  /** The environment variable, e.g. {@code CACHE_MEMORY_MAX_ITEMS}. */
  public String environmentVariable() {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The value used when nothing configures the setting. */
  public String defaultValue() {
    return defaultValue;
  }
}
