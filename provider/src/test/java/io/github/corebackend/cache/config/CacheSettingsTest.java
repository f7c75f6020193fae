package io.github.corebackend.cache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.expiry.ExpiryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheSettingsTest {

  @Test
  void defaultsApplyWhenNothingIsConfigured() {
    CacheSettings settings = CacheSettings.resolve(null, new Properties(), Map.of());

    assertEquals("memory", settings.backend());
    assertEquals("default", settings.namespace());
    assertEquals(Duration.ZERO, settings.defaultTtl());
    assertEquals(ExpiryKind.CREATED, settings.expiryKind());
    assertEquals("jdk", settings.serializer());
    assertEquals("", settings.serializerAllowList());
    assertEquals(200, settings.serializerMaxDepth());
    assertEquals(64 << 20, settings.serializerMaxArrayLength());
    assertEquals(1_000_000, settings.serializerMaxReferences());
    assertEquals(64 << 20, settings.serializerMaxBytes());
    assertFalse(settings.statistics());
    assertFalse(settings.management());
    assertEquals(10_000, settings.memoryMaxItems());
    assertEquals(Duration.ofMinutes(5), settings.memoryCleanupInterval());
    assertFalse(settings.memoryStoreByReference());
    assertEquals(Duration.ofMillis(100), settings.nearMaxStaleness());
    assertEquals(512L << 20, settings.redisMaxValueSize(), "what Redis accepts by default");
    assertEquals(new RedisSettings("redis://127.0.0.1:6379", 1, Duration.ofSeconds(2), Duration.ofSeconds(2),
        Duration.ofSeconds(2)), settings.redis());
    assertEquals(Set.of(), settings.declaredCaches());
  }

  @Test
  void everyKeyIsReadFromItsEnvironmentVariable() {
    Map<String, String> environment = Map.ofEntries(Map.entry("CACHE_BACKEND", "Redis"),
        Map.entry("CACHE_NAMESPACE", "tenant1"), Map.entry("CACHE_DEFAULT_TTL", "PT1H"),
        Map.entry("CACHE_EXPIRY", "accessed"), Map.entry("CACHE_SERIALIZER", "JSON"),
        Map.entry("CACHE_SERIALIZER_ALLOW_LIST", "com.example.**"), Map.entry("CACHE_SERIALIZER_MAX_DEPTH", "50"),
        Map.entry("CACHE_SERIALIZER_MAX_ARRAY_LENGTH", "1000"), Map.entry("CACHE_SERIALIZER_MAX_REFERENCES", "2000"),
        Map.entry("CACHE_SERIALIZER_MAX_BYTES", "4096"), Map.entry("CACHE_STATISTICS", "true"),
        Map.entry("CACHE_MANAGEMENT", "TRUE"), Map.entry("CACHE_MEMORY_MAX_ITEMS", "250"),
        Map.entry("CACHE_MEMORY_CLEANUP_INTERVAL", "90s"), Map.entry("CACHE_MEMORY_STORE_BY_REFERENCE", "true"),
        Map.entry("CACHE_NEAR_MAX_STALENESS", "2s"),
        Map.entry("CACHE_REDIS_URL", "redis://cache:6380/2"), Map.entry("CACHE_REDIS_POOL_SIZE", "4"),
        Map.entry("CACHE_REDIS_CONN_TIMEOUT", "3s"), Map.entry("CACHE_REDIS_READ_TIMEOUT", "250ms"),
        Map.entry("CACHE_REDIS_WRITE_TIMEOUT", "1m"), Map.entry("CACHE_REDIS_LOCK_LEASE", "5s"),
        Map.entry("CACHE_REDIS_MAX_VALUE_SIZE", "64mb"));
    assertEquals(EnumSet.allOf(Setting.class).size(), environment.size(), "one variable per setting");

    CacheSettings settings = CacheSettings.resolve(null, new Properties(), environment);

    assertEquals("redis", settings.backend());
    assertEquals(Duration.ofSeconds(5), settings.redisLockLease());
    assertEquals(64L << 20, settings.redisMaxValueSize());
    assertEquals("tenant1", settings.namespace());
    assertEquals(Duration.ofHours(1), settings.defaultTtl());
    assertEquals(ExpiryKind.ACCESSED, settings.expiryKind());
    assertEquals("json", settings.serializer());
    assertEquals("com.example.**", settings.serializerAllowList());
    assertEquals(50, settings.serializerMaxDepth());
    assertEquals(1000, settings.serializerMaxArrayLength());
    assertEquals(2000, settings.serializerMaxReferences());
    assertEquals(4096, settings.serializerMaxBytes());
    assertTrue(settings.statistics());
    assertTrue(settings.management());
    assertEquals(250, settings.memoryMaxItems());
    assertEquals(Duration.ofSeconds(90), settings.memoryCleanupInterval());
    assertTrue(settings.memoryStoreByReference());
    assertEquals(Duration.ofSeconds(2), settings.nearMaxStaleness());
    assertEquals(new RedisSettings("redis://cache:6380/2", 4, Duration.ofSeconds(3), Duration.ofMillis(250),
        Duration.ofMinutes(1)), settings.redis());
  }

  @Test
  void eachSourceWinsOverTheNext() {
    Properties explicit = properties("cache.namespace", "explicit");
    ConfigFile file = file("cache.namespace=file\ncache.default-ttl=5m\n");
    Properties system = properties("cache.namespace", "system", "cache.default-ttl", "90s",
        "cache.memory.max-items", "7");
    Map<String, String> environment = Map.of("CACHE_NAMESPACE", "env", "CACHE_DEFAULT_TTL", "1h",
        "CACHE_MEMORY_MAX_ITEMS", "250", "CACHE_REDIS_POOL_SIZE", "3");

    CacheSettings settings = CacheSettings.resolve(explicit, file, system, environment);

    assertEquals("explicit", settings.namespace(), "properties over file");
    assertEquals(Duration.ofMinutes(5), settings.defaultTtl(), "file over system properties");
    assertEquals(7, settings.memoryMaxItems(), "system properties over environment");
    assertEquals(3, settings.redis().poolSize(), "environment over defaults");
    assertEquals(Duration.ofSeconds(2), settings.redis().readTimeout(), "defaults last");
  }

  @Test
  void aPerCacheValueInAnySourceBeatsManagerWideValues() {
    Properties explicit = properties("cache.default-ttl", "5m", "cache.memory.max-items", "100");
    Map<String, String> environment = Map.of("CACHE_DEFAULT_TTL_USERS", "1m", "CACHE_BACKEND_COM_EXAMPLE_USER",
        "redis");

    CacheSettings settings = CacheSettings.resolve(explicit, properties("cache.serializer.orders", "json"),
        environment);

    CacheSettings users = settings.forCache("users");
    assertEquals(Duration.ofMinutes(1), users.defaultTtl());
    assertEquals(100, users.memoryMaxItems(), "the rest comes from the manager");
    assertEquals(Duration.ofMinutes(5), settings.forCache("orders").defaultTtl());
    assertEquals("json", settings.forCache("orders").serializer());
    assertEquals("jdk", settings.serializer());
    assertEquals("redis", settings.forCache("com.example.User").backend(), "dots become underscores");
    assertEquals("memory", settings.backend());
  }

  @Test
  void perCacheKeysOfTheFileAndThePropertiesDeclareCaches() {
    ConfigFile file = file("""
        cache.default-ttl=10m
        cache.memory.max-items.users=50
        cache.serializer.allow-list.com.example.Order=com.example.**
        cache.statistics.sessions=true
        """);

    CacheSettings settings = CacheSettings.resolve(properties("cache.backend.carts", "memory",
        "unrelated.key", "x"), file, properties("cache.backend.other", "redis"), Map.of());

    assertEquals(Set.of("users", "com.example.Order", "sessions", "carts"), settings.declaredCaches());
    assertEquals("com.example.**", settings.forCache("com.example.Order").serializerAllowList());
    assertEquals("jdk", settings.forCache("com.example.Order").serializer());
  }

  @Test
  void anUnknownKeyInTheFileFailsNamingFileAndKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CacheSettings.resolve(null, file("cache.memory.max-itmes=5\n"), new Properties(), Map.of()));

    assertTrue(e.getMessage().contains("'cache.memory.max-itmes' in test.properties"), e.getMessage());
  }

  @Test
  void aBadPerCacheValueInTheFileFailsWhenResolvingNamingFileKeyAndValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CacheSettings.resolve(null, file("cache.default-ttl.users=soon\n"), new Properties(), Map.of()));

    assertTrue(e.getMessage().startsWith(
        "Invalid cache.default-ttl.users (CACHE_DEFAULT_TTL_USERS) 'soon' in test.properties: not a duration"),
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cache.namespace | '' | a namespace must not be empty",
      "cache.memory.max-items | -5 | between 0 and",
      "cache.memory.max-items | lots | not a whole number",
      "cache.redis.pool-size | 0 | between 1 and 1024",
      "cache.redis.lock-lease | 0s | must be longer than zero",
      "cache.expiry | sometimes | use created, accessed, modified or touched",
      "cache.default-ttl | 30 | not a duration",
      "cache.memory.cleanup-interval | -5s | must not be negative",
      "cache.redis.read-timeout | PT | not a duration",
      "cache.statistics | yes | true or false",
      "cache.serializer | xml | use jdk, json, msgpack or the name of a class",
      "cache.serializer.max-depth | 0 | between 1 and 2147483647",
      "cache.serializer.max-bytes | 3000000000 | between 1 and 2147483647 bytes",
      "cache.serializer.max-bytes | lots | not a size",
      "cache.serializer.max-array-length | many | not a whole number",
      "cache.redis.url | http://cache:6379 | use redis://",
      "cache.redis.url | redis://cache:99999 | not a port number",
      "cache.redis.url | redis://:6379 | needs a host",
      "cache.redis.url | 'redis://a:6379,' | not a Redis address",
      "cache.redis.url | redis-cluster://a:7000,b:70000 | not a port number"})
  void badValuesNameTheKeyTheVariableTheValueAndTheSource(String key, String value, String problem) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CacheSettings.resolve(properties(key, value), new Properties(), Map.of()));

    String variable = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    assertTrue(e.getMessage().startsWith("Invalid " + key + " (" + variable + ") '" + value
        + "' in the cache manager's properties: "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void aBadValueFromTheEnvironmentSaysSo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CacheSettings.resolve(null, new Properties(), Map.of("CACHE_MEMORY_MAX_ITEMS_USERS", "-1"))
            .forCache("users"));

    assertTrue(e.getMessage().contains("cache.memory.max-items.users (CACHE_MEMORY_MAX_ITEMS_USERS) '-1' in the "
        + "environment"), e.getMessage());
  }

  @Test
  void errorMessagesNeverShowARedisPassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CacheSettings.resolve(properties("cache.redis.url", "redis://app:s3cret@cache:port"),
            new Properties(), Map.of()));

    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void acceptsEveryDocumentedRedisAddressForm() {
    for (String url : new String[] {"redis://cache:6379/2", "rediss://user:pw@cache", "redis://[::1]:6379",
        "redis-sentinel://s1:26379,s2:26379/0#mymaster", "redis-cluster://a:7000,b:7001",
        "redis://a:7000,redis://b:7001", "redis://app:p/a#s?s@w,o%rd:@cache:6379/1",
        "rediss-sentinel://:pw@s1:26379/0#mymaster", "redis-cluster://u:p,w@a:7000,b:7001"}) {
      assertEquals(url, CacheSettings.resolve(properties("cache.redis.url", url), new Properties(), Map.of())
          .redis().url());
    }
  }

  @ParameterizedTest
  @CsvSource({"created, CreatedExpiryPolicy", "accessed, AccessedExpiryPolicy", "modified, ModifiedExpiryPolicy",
      "touched, TouchedExpiryPolicy"})
  void theExpiryKindNamesTheJCachePolicyTheDefaultTtlBecomes(String kind, String policy) {
    ExpiryPolicy created = ExpiryKind.parse(kind).factoryOf(Duration.ofSeconds(90)).create();

    assertEquals(policy, created.getClass().getSimpleName());
    assertEquals(new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, 90_000), created.getExpiryForCreation());
  }

  @Test
  void customSerializerClassNamesKeepTheirCase() {
    CacheSettings settings = CacheSettings.resolve(properties("cache.serializer", "com.example.KryoSerializer"),
        new Properties(), Map.of());

    assertEquals("com.example.KryoSerializer", settings.serializer());
  }

  @Test
  void everySettingHasTheDocumentedEnvironmentVariable() {
    assertEquals("CACHE_BACKEND", Setting.BACKEND.environmentVariable());
    assertEquals("CACHE_MEMORY_MAX_ITEMS", Setting.MEMORY_MAX_ITEMS.environmentVariable());
    assertEquals("CACHE_MEMORY_CLEANUP_INTERVAL", Setting.MEMORY_CLEANUP_INTERVAL.environmentVariable());
    assertEquals("CACHE_REDIS_CONN_TIMEOUT", Setting.REDIS_CONN_TIMEOUT.environmentVariable());
    assertEquals("CACHE_REDIS_WRITE_TIMEOUT", Setting.REDIS_WRITE_TIMEOUT.environmentVariable());
    assertEquals("CACHE_DEFAULT_TTL_HIBERNATE_REGION_1",
        Setting.DEFAULT_TTL.environmentVariableFor("hibernate.region-1"));
  }

  private static ConfigFile file(String text) {
    Properties entries = new Properties();
    try {
      entries.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ConfigFile.of("test.properties", entries);
  }

  private static Properties properties(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }
}
