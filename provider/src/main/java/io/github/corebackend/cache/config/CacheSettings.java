package io.github.corebackend.cache.config;

import io.github.corebackend.cache.store.TimeSource;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * The settings of one cache manager, resolved once when the manager is created. Each {@link Setting}
 * comes from, in order: the properties given to the manager, system properties, {@code CACHE_*}
 * environment variables, and finally its default.
 *
 * <p>Immutable; {@code with...} methods return a modified copy.
 */
public final class CacheSettings {

  private final Backend backend;
  private final String namespace;
  private final Duration defaultTtl;
  private final String serializer;
  private final String serializerAllowList;
  private final long memoryMaxItems;
  private final Duration memoryCleanupInterval;
  private final boolean memoryStoreByReference;
  private final String redisUrl;
  private final int redisPoolSize;
  private final Duration redisConnectTimeout;
  private final Duration redisReadTimeout;
  private final Duration redisWriteTimeout;
  private final TimeSource timeSource;
  private final Lookup lookup;

  private CacheSettings(Lookup lookup, TimeSource timeSource) {
    this.lookup = lookup;
    this.backend = lookup.parse(Setting.BACKEND, Backend::parse);
    this.namespace = lookup.text(Setting.NAMESPACE);
    this.defaultTtl = lookup.duration(Setting.DEFAULT_TTL);
    this.serializer = lookup.text(Setting.SERIALIZER).toLowerCase(Locale.ROOT);
    this.serializerAllowList = lookup.text(Setting.SERIALIZER_ALLOW_LIST);
    this.memoryMaxItems = lookup.number(Setting.MEMORY_MAX_ITEMS, 0, Long.MAX_VALUE);
    this.memoryCleanupInterval = lookup.duration(Setting.MEMORY_CLEANUP_INTERVAL);
    this.memoryStoreByReference = lookup.bool(Setting.MEMORY_STORE_BY_REFERENCE);
    this.redisUrl = lookup.text(Setting.REDIS_URL);
    this.redisPoolSize = (int) lookup.number(Setting.REDIS_POOL_SIZE, 1, 1024);
    this.redisConnectTimeout = lookup.duration(Setting.REDIS_CONN_TIMEOUT);
    this.redisReadTimeout = lookup.duration(Setting.REDIS_READ_TIMEOUT);
    this.redisWriteTimeout = lookup.duration(Setting.REDIS_WRITE_TIMEOUT);
    this.timeSource = timeSource;
  }

  private CacheSettings(CacheSettings from, TimeSource timeSource) {
    this.lookup = from.lookup;
    this.backend = from.backend;
    this.namespace = from.namespace;
    this.defaultTtl = from.defaultTtl;
    this.serializer = from.serializer;
    this.serializerAllowList = from.serializerAllowList;
    this.memoryMaxItems = from.memoryMaxItems;
    this.memoryCleanupInterval = from.memoryCleanupInterval;
    this.memoryStoreByReference = from.memoryStoreByReference;
    this.redisUrl = from.redisUrl;
    this.redisPoolSize = from.redisPoolSize;
    this.redisConnectTimeout = from.redisConnectTimeout;
    this.redisReadTimeout = from.redisReadTimeout;
    this.redisWriteTimeout = from.redisWriteTimeout;
    this.timeSource = timeSource;
  }

  /**
   * Resolves settings from {@code explicit} (may be {@code null}), then system properties, then the
   * environment, then defaults.
   *
   * @throws IllegalArgumentException naming the setting and where its bad value came from
   */
  public static CacheSettings resolve(Properties explicit) {
    return resolve(explicit, System.getProperties(), System.getenv());
  }

  /** Resolves settings from the given sources, for callers (and tests) that supply their own. */
  public static CacheSettings resolve(Properties explicit, Properties system, Map<String, String> environment) {
    Properties given = explicit == null ? new Properties() : explicit;
    return new CacheSettings(new Lookup(given, system, environment), TimeSource.SYSTEM);
  }

  /** A copy that measures expiry with {@code timeSource} instead of the system clock. */
  public CacheSettings withTimeSource(TimeSource timeSource) {
    return new CacheSettings(this, Objects.requireNonNull(timeSource));
  }

  /** Where caches keep their entries unless a cache says otherwise. */
  public Backend backend() {
    return backend;
  }

  /**
   * Where the named cache keeps its entries: {@code cache.backend.<cacheName>} when set (or its
   * environment variable, e.g. {@code CACHE_BACKEND_SESSIONS}), else {@link #backend()}.
   *
   * @throws IllegalArgumentException naming the setting when its value is not a backend
   */
  public Backend backendFor(String cacheName) {
    return lookup.perCache(Setting.BACKEND, cacheName, Backend::parse, backend);
  }

  /** The prefix of every store key of this manager's caches. */
  public String namespace() {
    return namespace;
  }

  /** The expiry given to caches configured as eternal; {@link Duration#ZERO} for none. */
  public Duration defaultTtl() {
    return defaultTtl;
  }

  /** The serializer name, lower-case. */
  public String serializer() {
    return serializer;
  }

  /** Extra {@link java.io.ObjectInputFilter} patterns of classes a remote store may deserialize. */
  public String serializerAllowList() {
    return serializerAllowList;
  }

  /** The bound of each memory cache, {@code 0} for none. */
  public long memoryMaxItems() {
    return memoryMaxItems;
  }

  /** The period of the expired-entry sweep, {@link Duration#ZERO} when disabled. */
  public Duration memoryCleanupInterval() {
    return memoryCleanupInterval;
  }

  /** Whether memory caches keep callers' objects even when configured as store-by-value. */
  public boolean memoryStoreByReference() {
    return memoryStoreByReference;
  }

  /** The Redis address. */
  public String redisUrl() {
    return redisUrl;
  }

  /** The number of Redis connections. */
  public int redisPoolSize() {
    return redisPoolSize;
  }

  /** Time allowed to connect to Redis. */
  public Duration redisConnectTimeout() {
    return redisConnectTimeout;
  }

  /** Time allowed for a Redis reply. */
  public Duration redisReadTimeout() {
    return redisReadTimeout;
  }

  /** Time allowed to send a Redis command. */
  public Duration redisWriteTimeout() {
    return redisWriteTimeout;
  }

  /** The clock expiry is measured against. */
  public TimeSource timeSource() {
    return timeSource;
  }

  @Override
  public String toString() {
    return "CacheSettings{backend=" + backend + ", namespace=" + namespace + ", defaultTtl=" + defaultTtl
        + ", serializer=" + serializer + ", memoryMaxItems=" + memoryMaxItems
        + ", memoryCleanupInterval=" + memoryCleanupInterval + "}";
  }

  /** Finds a setting's text in the sources, in order, and parses it with a clear error. */
  private static final class Lookup {
    private final Properties explicit;
    private final Properties system;
    private final Map<String, String> environment;

    Lookup(Properties explicit, Properties system, Map<String, String> environment) {
      this.explicit = explicit;
      this.system = system;
      this.environment = environment;
    }

    String text(Setting setting) {
      String value = find(setting.key(), setting.environmentVariable());
      return value == null ? setting.defaultValue() : value;
    }

    <T> T parse(Setting setting, Function<String, T> parser) {
      return parse(setting.key(), setting.environmentVariable(), text(setting), parser);
    }

    <T> T perCache(Setting setting, String cacheName, Function<String, T> parser,
        T otherwise) {
      String key = setting.key() + "." + cacheName;
      String variable = setting.environmentVariable() + "_"
          + cacheName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
      String value = find(key, variable);
      return value == null ? otherwise : parse(key, variable, value, parser);
    }

    private String find(String key, String variable) {
      String value = explicit.getProperty(key);
      if (value == null) {
        value = system.getProperty(key);
      }
      if (value == null) {
        value = environment.get(variable);
      }
      return value == null ? null : value.trim();
    }

    private static <T> T parse(String key, String variable, String value,
        Function<String, T> parser) {
      try {
        return parser.apply(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Invalid " + key + " (" + variable + ") '" + value + "': "
            + e.getMessage(), e);
      }
    }

    Duration duration(Setting setting) {
      return parse(setting, value -> Durations.parse(setting.key(), value));
    }

    long number(Setting setting, long min, long max) {
      return parse(setting, value -> {
        long number = Long.parseLong(value);
        if (number < min || number > max) {
          throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return number;
      });
    }

    boolean bool(Setting setting) {
      return parse(setting, value -> {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("must be true or false");
      });
    }
  }
}
