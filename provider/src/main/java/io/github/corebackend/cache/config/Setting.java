package io.github.corebackend.cache.config;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A configuration key, readable as a provider property, config-file entry or system property
 * ({@link #key()}) and as an environment variable ({@link #environmentVariable()}, the key upper-cased
 * with {@code .} and {@code -} turned into {@code _}).
 *
 * <p>Every setting also exists per cache: {@code <key>.<cache name>} (e.g.
 * {@code cache.default-ttl.users}) and {@code <VARIABLE>_<CACHE NAME>} (e.g.
 * {@code CACHE_DEFAULT_TTL_USERS}, the name upper-cased with anything but letters and digits turned
 * into {@code _}).
 */
public enum Setting {
  /**
   * The backend: {@code memory}, {@code redis}, {@code near}, or the name of another
   * {@code io.github.corebackend.cache.spi.StoreProvider} on the class path.
   */
  BACKEND("cache.backend", "memory"),
  /** Prefix of every store key of the manager's caches. */
  NAMESPACE("cache.namespace", "default"),
  /** Expiry of caches configured as eternal (the JCache default); {@code 0} keeps them eternal. */
  DEFAULT_TTL("cache.default-ttl", "0"),
  /**
   * Which JCache expiry policy {@link #DEFAULT_TTL} becomes: {@code created}, {@code accessed},
   * {@code modified} or {@code touched}.
   */
  EXPIRY("cache.expiry", "created"),
  /** How keys and values become bytes: {@code jdk}, {@code json}, {@code msgpack} or a class name. */
  SERIALIZER("cache.serializer", "jdk"),
  /**
   * Classes, besides JDK value types and a cache's declared types, that may be deserialized from a
   * remote store, as {@link java.io.ObjectInputFilter} patterns separated by {@code ;} (e.g.
   * {@code com.example.**}).
   */
  SERIALIZER_ALLOW_LIST("cache.serializer.allow-list", ""),
  /**
   * How deeply objects, arrays and collections may nest in bytes read from a remote store (and in
   * values the {@code json} and {@code msgpack} serializers write). Two hundred levels of nested lists
   * read back on a thread of 512 KiB of stack; no cache entry nests that deep.
   */
  SERIALIZER_MAX_DEPTH("cache.serializer.max-depth", "200"),
  /**
   * The most elements one array, collection or map may claim in bytes read from a remote store.
   * Every claim is also held to the length of the bytes (each element takes at least one byte), so by
   * default, as large as {@link #SERIALIZER_MAX_BYTES}, only that bound decides.
   */
  SERIALIZER_MAX_ARRAY_LENGTH("cache.serializer.max-array-length", "67108864"),
  /** The most objects (references) one value read from a remote store with the {@code jdk} serializer may hold. */
  SERIALIZER_MAX_REFERENCES("cache.serializer.max-references", "1000000"),
  /** The longest serialized key or value written to or read from a remote store: bytes, or kb/mb/gb. */
  SERIALIZER_MAX_BYTES("cache.serializer.max-bytes", "64mb"),
  /** Turns statistics on for caches whose configuration leaves them off. */
  STATISTICS("cache.statistics", "false"),
  /** Turns the JMX configuration bean on for caches whose configuration leaves it off. */
  MANAGEMENT("cache.management", "false"),
  /** Bound of each memory cache; {@code 0} means unbounded. */
  MEMORY_MAX_ITEMS("cache.memory.max-items", "10000"),
  /** Period of the sweep that removes expired memory entries; {@code 0} disables it. */
  MEMORY_CLEANUP_INTERVAL("cache.memory.cleanup-interval", "5m"),
  /** Keep memory caches by reference even when their configuration asks for store-by-value. */
  MEMORY_STORE_BY_REFERENCE("cache.memory.store-by-reference", "false"),
  /**
   * How stale a near cache's copy may be when served: only while a reply on the tracking connection,
   * sent no longer ago than this, proves every earlier invalidation has arrived.
   */
  NEAR_MAX_STALENESS("cache.near.max-staleness", "100ms"),
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
  REDIS_WRITE_TIMEOUT("cache.redis.write-timeout", "2s"),
  /**
   * How long a write-through operation may hold the lock of its key in Redis while the cache writer
   * runs; an operation of another JVM on that key waits at most this long for it.
   */
  REDIS_LOCK_LEASE("cache.redis.lock-lease", "30s"),
  /**
   * The largest value, serialized, a redis cache stores: {@code 512mb} is what Redis accepts by default
   * ({@code proto-max-bulk-len}); set it to the server's limit when that is lower. A larger value fails
   * alone, before it is sent, instead of making Redis drop the connection other callers share.
   */
  REDIS_MAX_VALUE_SIZE("cache.redis.max-value-size", "512mb");

  /** Longest key first, so that {@code cache.serializer.allow-list.x} is not read as a serializer. */
  private static final List<Setting> BY_KEY_LENGTH = Arrays.stream(values())
      .sorted(Comparator.comparingInt((Setting setting) -> setting.key.length()).reversed())
      .toList();

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
    return variableOf(key);
  }

  /** The value used when nothing configures the setting. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The property name of this setting for one cache, e.g. {@code cache.default-ttl.users}. */
  public String keyFor(String cacheName) {
    return key + "." + cacheName;
  }

  /** The environment variable of this setting for one cache, e.g. {@code CACHE_DEFAULT_TTL_USERS}. */
  public String environmentVariableFor(String cacheName) {
    return environmentVariable() + "_" + cacheName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * Reads a property name as a setting, for the whole manager or for one cache.
   *
   * @return {@code null} when the name is no setting's
   */
  static @Nullable Scoped parse(String propertyName) {
    for (Setting setting : BY_KEY_LENGTH) {
      if (propertyName.equals(setting.key)) {
        return new Scoped(setting, null);
      }
      if (propertyName.startsWith(setting.key + ".") && propertyName.length() > setting.key.length() + 1) {
        return new Scoped(setting, propertyName.substring(setting.key.length() + 1));
      }
    }
    return null;
  }

  private static String variableOf(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** A setting as named by a property: {@code cacheName} is {@code null} for a manager-wide value. */
  record Scoped(Setting setting, @Nullable String cacheName) {}
}
