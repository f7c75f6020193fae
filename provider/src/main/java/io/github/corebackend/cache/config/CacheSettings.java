package io.github.corebackend.cache.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one cache manager, or of one of its caches ({@link #forCache}), resolved once. Each
 * {@link Setting} comes from, in order: the properties given to the manager, its configuration file,
 * system properties, {@code CACHE_*} environment variables, and finally its default. For a cache, a
 * per-cache value ({@code cache.default-ttl.users}, {@code CACHE_DEFAULT_TTL_USERS}) found in any of
 * those beats a manager-wide one.
 *
 * <p>Immutable; {@code with...} and {@code for...} methods return a modified copy.
 */
public final class CacheSettings {

  private static final Set<String> SERIALIZER_NAMES = Set.of("jdk", "json", "msgpack");
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");

  private final ConfigSources sources;
  /** The cache these are the settings of; {@code null} for the manager's. */
  private final @Nullable String cacheName;
  private final Set<String> declaredCaches;
  private final String backend;
  private final String namespace;
  private final Duration defaultTtl;
  private final ExpiryKind expiryKind;
  private final String serializer;
  private final String serializerAllowList;
  private final int serializerMaxDepth;
  private final int serializerMaxArrayLength;
  private final int serializerMaxReferences;
  private final int serializerMaxBytes;
  private final boolean statistics;
  private final boolean management;
  private final long memoryMaxItems;
  private final Duration memoryCleanupInterval;
  private final Duration nearMaxStaleness;
  private final boolean memoryStoreByReference;
  private final RedisSettings redis;
  private final Duration redisLockLease;
  private final long redisMaxValueSize;

  private CacheSettings(ConfigSources sources, @Nullable String cacheName, Set<String> declaredCaches) {
    this.sources = sources;
    this.cacheName = cacheName;
    this.declaredCaches = declaredCaches;
    this.backend = parse(Setting.BACKEND, CacheSettings::backendName);
    this.namespace = parse(Setting.NAMESPACE, CacheSettings::namespaceOf);
    this.defaultTtl = duration(Setting.DEFAULT_TTL);
    this.expiryKind = parse(Setting.EXPIRY, ExpiryKind::parse);
    this.serializer = parse(Setting.SERIALIZER, CacheSettings::serializerName);
    this.serializerAllowList = parse(Setting.SERIALIZER_ALLOW_LIST, Function.identity());
    this.serializerMaxDepth = (int) number(Setting.SERIALIZER_MAX_DEPTH, 1, Integer.MAX_VALUE);
    this.serializerMaxArrayLength = (int) number(Setting.SERIALIZER_MAX_ARRAY_LENGTH, 0, Integer.MAX_VALUE);
    this.serializerMaxReferences = (int) number(Setting.SERIALIZER_MAX_REFERENCES, 1, Integer.MAX_VALUE);
    this.serializerMaxBytes = parse(Setting.SERIALIZER_MAX_BYTES, CacheSettings::arraySize);
    this.statistics = bool(Setting.STATISTICS);
    this.management = bool(Setting.MANAGEMENT);
    this.memoryMaxItems = number(Setting.MEMORY_MAX_ITEMS, 0, Long.MAX_VALUE);
    this.memoryCleanupInterval = duration(Setting.MEMORY_CLEANUP_INTERVAL);
    this.nearMaxStaleness = parse(Setting.NEAR_MAX_STALENESS, CacheSettings::positiveDuration);
    this.memoryStoreByReference = bool(Setting.MEMORY_STORE_BY_REFERENCE);
    this.redis = new RedisSettings(parse(Setting.REDIS_URL, RedisUrls::check),
        (int) number(Setting.REDIS_POOL_SIZE, 1, 1024), duration(Setting.REDIS_CONN_TIMEOUT),
        duration(Setting.REDIS_READ_TIMEOUT), duration(Setting.REDIS_WRITE_TIMEOUT));
    this.redisLockLease = parse(Setting.REDIS_LOCK_LEASE, CacheSettings::positiveDuration);
    this.redisMaxValueSize = parse(Setting.REDIS_MAX_VALUE_SIZE, ByteSizes::parse);
  }

  /**
   * Resolves a manager's settings from {@code explicit} (may be {@code null}), the configuration file
   * {@code uri} names (if it names one: {@code file:}, {@code jar:} or {@code classpath:}; its
   * {@code ${VAR}} and {@code ${VAR:default}} placeholders expanded), system properties, the
   * environment and defaults. The settings of every cache the file or the properties
   * declare are resolved too, so that a bad value fails here.
   *
   * @throws IllegalArgumentException naming the setting, its bad value and where it came from
   */
  public static CacheSettings resolve(URI uri, ClassLoader classLoader, @Nullable Properties explicit) {
    return resolve(explicit, ConfigFile.read(uri, classLoader), System.getProperties(), System.getenv());
  }

  /** Resolves settings without a configuration file. */
  public static CacheSettings resolve(@Nullable Properties explicit) {
    return resolve(explicit, ConfigFile.NONE, System.getProperties(), System.getenv());
  }

  /** Resolves settings from the given sources, for callers (and tests) that supply their own. */
  public static CacheSettings resolve(@Nullable Properties explicit, Properties system,
      Map<String, String> environment) {
    return resolve(explicit, ConfigFile.NONE, system, environment);
  }

  /** Resolves settings from the given sources, a configuration file among them. */
  static CacheSettings resolve(@Nullable Properties explicit, ConfigFile file, Properties system,
      Map<String, String> environment) {
    ConfigSources sources = new ConfigSources(explicit == null ? new Properties() : explicit,
        new Placeholders(system, environment).expand(file), system, environment);
    Set<String> declared = Set.copyOf(sources.declaredCaches());
    CacheSettings settings = new CacheSettings(sources, null, declared);
    for (String name : declared) {
      settings.forCache(name);
    }
    return settings;
  }

  /**
   * The settings of the cache {@code name}: its per-cache values where set, else the manager's.
   *
   * @throws IllegalArgumentException naming the setting when a per-cache value is invalid
   */
  public CacheSettings forCache(String name) {
    return new CacheSettings(sources, Objects.requireNonNull(name), declaredCaches);
  }

  /**
   * Describes where the value of {@code setting} came from, for errors found after resolution: the
   * key, its environment variable, the value (without passwords) and its source.
   */
  public String describe(Setting setting) {
    return sources.find(setting, cacheName).describe();
  }

  /**
   * The caches the manager's configuration file or properties declare (by naming them in a per-cache
   * key); they are created on first request.
   */
  public Set<String> declaredCaches() {
    return declaredCaches;
  }

  /** The name of the backend the caches keep their entries in, e.g. {@code memory}; lower case. */
  public String backend() {
    return backend;
  }

  /** The prefix of every store key of the caches. */
  public String namespace() {
    return namespace;
  }

  /** The expiry given to caches configured as eternal; {@link Duration#ZERO} for none. */
  public Duration defaultTtl() {
    return defaultTtl;
  }

  /** Which expiry policy {@link #defaultTtl()} becomes. */
  public ExpiryKind expiryKind() {
    return expiryKind;
  }

  /** The serializer: {@code jdk}, {@code json}, {@code msgpack} or a class name. */
  public String serializer() {
    return serializer;
  }

  /** Extra {@link java.io.ObjectInputFilter} patterns of classes a remote store may deserialize. */
  public String serializerAllowList() {
    return serializerAllowList;
  }

  /** How deeply values read from a remote store may nest. */
  public int serializerMaxDepth() {
    return serializerMaxDepth;
  }

  /** The most elements one array, collection or map read from a remote store may claim. */
  public int serializerMaxArrayLength() {
    return serializerMaxArrayLength;
  }

  /** The most objects one value read from a remote store by the {@code jdk} serializer may hold. */
  public int serializerMaxReferences() {
    return serializerMaxReferences;
  }

  /** The longest serialized key or value a remote store may hold, in bytes. */
  public int serializerMaxBytes() {
    return serializerMaxBytes;
  }

  /** Whether statistics are on even where a cache's configuration leaves them off. */
  public boolean statistics() {
    return statistics;
  }

  /** Whether the JMX configuration bean is on even where a cache's configuration leaves it off. */
  public boolean management() {
    return management;
  }

  /** The bound of each memory cache, {@code 0} for none. */
  public long memoryMaxItems() {
    return memoryMaxItems;
  }

  /** The period of the expired-entry sweep, {@link Duration#ZERO} when disabled. */
  public Duration memoryCleanupInterval() {
    return memoryCleanupInterval;
  }

  /** How stale a near cache's copy may be when it is served. */
  public Duration nearMaxStaleness() {
    return nearMaxStaleness;
  }

  /** Whether memory caches keep callers' objects even when configured as store-by-value. */
  public boolean memoryStoreByReference() {
    return memoryStoreByReference;
  }

  /** How to reach Redis. */
  public RedisSettings redis() {
    return redis;
  }

  /** How long a write-through operation of a redis cache may hold a key's lock. */
  public Duration redisLockLease() {
    return redisLockLease;
  }

  /** The largest stored value, in bytes, a redis cache sends. */
  public long redisMaxValueSize() {
    return redisMaxValueSize;
  }

  @Override
  public String toString() {
    return "CacheSettings{" + (cacheName == null ? "" : "cache=" + cacheName + ", ") + "backend=" + backend
        + ", namespace=" + namespace + ", defaultTtl=" + defaultTtl + ", expiry=" + expiryKind
        + ", serializer=" + serializer + ", statistics=" + statistics + ", memoryMaxItems=" + memoryMaxItems
        + ", memoryCleanupInterval=" + memoryCleanupInterval + "}";
  }

  private <T> T parse(Setting setting, Function<String, T> parser) {
    ConfigSources.Found found = sources.find(setting, cacheName);
    try {
      return parser.apply(found.text());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid " + found.describe() + ": " + e.getMessage(), e);
    }
  }

  private Duration duration(Setting setting) {
    return parse(setting, Durations::parse);
  }

  private long number(Setting setting, long min, long max) {
    return parse(setting, value -> {
      long number;
      try {
        number = Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a whole number", e);
      }
      if (number < min || number > max) {
        throw new IllegalArgumentException("must be between " + min + " and " + max);
      }
      return number;
    });
  }

  private boolean bool(Setting setting) {
    return parse(setting, value -> {
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(value);
      }
      throw new IllegalArgumentException("must be true or false");
    });
  }

  /**
   * A namespace must not be empty: with one, a cache's key prefix could be the start of another
   * namespace's (cache {@code a}'s {@code a:} is the start of namespace {@code a}'s {@code a:b:}), and
   * clearing the one would delete the other's entries.
   */
  private static String namespaceOf(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a namespace must not be empty: it keeps these caches' keys apart "
          + "from other applications' on a shared Redis (use e.g. the application's name)");
    }
    return text;
  }

  private static String backendName(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("name a backend: memory, redis or near");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  /** A size in bytes that one Java array can hold: at least one byte, at most 2 GiB less one. */
  private static int arraySize(String text) {
    long size = ByteSizes.parse(text);
    if (size < 1 || size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("must be between 1 and " + Integer.MAX_VALUE + " bytes");
    }
    return (int) size;
  }

  private static Duration positiveDuration(String text) {
    Duration duration = Durations.parse(text);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("must be longer than zero");
    }
    return duration;
  }

  private static String serializerName(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (SERIALIZER_NAMES.contains(lower)) {
      return lower;
    }
    if (CLASS_NAME.matcher(text).matches()) {
      return text;
    }
    throw new IllegalArgumentException("use jdk, json, msgpack or the name of a class implementing "
        + "io.github.corebackend.cache.serial.Serializer");
  }
}
