package io.github.corebackend.cache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CacheSettingsTest {

  @Test
  void defaultsApplyWhenNothingIsConfigured() {
    CacheSettings settings = CacheSettings.resolve(null, new Properties(), Map.of());

    assertEquals(Backend.MEMORY, settings.backend());
    assertEquals("default", settings.namespace());
    assertEquals(Duration.ZERO, settings.defaultTtl());
    assertEquals(10_000, settings.memoryMaxItems());
    assertEquals(Duration.ofMinutes(5), settings.memoryCleanupInterval());
    assertEquals("jdk", settings.serializer());
    assertEquals(1, settings.redis().poolSize());
  }

  @Test
  void explicitPropertiesWinOverSystemPropertiesWhichWinOverTheEnvironment() {
    Properties explicit = properties("cache.namespace", "explicit");
    Properties system = properties("cache.namespace", "system", "cache.default-ttl", "90s");
    Map<String, String> environment = Map.of("CACHE_NAMESPACE", "env", "CACHE_DEFAULT_TTL", "1h",
        "CACHE_MEMORY_MAX_ITEMS", "250");

    CacheSettings settings = CacheSettings.resolve(explicit, system, environment);

    assertEquals("explicit", settings.namespace());
    assertEquals(Duration.ofSeconds(90), settings.defaultTtl());
    assertEquals(250, settings.memoryMaxItems());
  }

  @Test
  void everySettingHasTheDocumentedEnvironmentVariable() {
    assertEquals("CACHE_BACKEND", Setting.BACKEND.environmentVariable());
    assertEquals("CACHE_MEMORY_MAX_ITEMS", Setting.MEMORY_MAX_ITEMS.environmentVariable());
    assertEquals("CACHE_MEMORY_CLEANUP_INTERVAL", Setting.MEMORY_CLEANUP_INTERVAL.environmentVariable());
    assertEquals("CACHE_REDIS_CONN_TIMEOUT", Setting.REDIS_CONN_TIMEOUT.environmentVariable());
    assertEquals("CACHE_REDIS_WRITE_TIMEOUT", Setting.REDIS_WRITE_TIMEOUT.environmentVariable());
  }

  @Test
  void environmentSelectsTheBackendAndRedisSettings() {
    CacheSettings settings = CacheSettings.resolve(null, new Properties(), Map.of("CACHE_BACKEND", "Redis",
        "CACHE_REDIS_URL", "redis://cache:6380/2", "CACHE_REDIS_POOL_SIZE", "4",
        "CACHE_REDIS_READ_TIMEOUT", "250ms"));

    assertEquals(Backend.REDIS, settings.backend());
    assertEquals("redis://cache:6380/2", settings.redis().url());
    assertEquals(4, settings.redis().poolSize());
    assertEquals(Duration.ofMillis(250), settings.redis().readTimeout());
  }

  @Test
  void badValuesNameTheSettingAndItsEnvironmentVariable() {
    IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> CacheSettings.resolve(
        properties("cache.memory.max-items", "lots"), new Properties(), Map.of()));
    assertTrue(number.getMessage().contains("cache.memory.max-items (CACHE_MEMORY_MAX_ITEMS) 'lots'"),
        number.getMessage());

    IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> CacheSettings.resolve(
        properties("cache.redis.pool-size", "0"), new Properties(), Map.of()));
    assertTrue(range.getMessage().contains("between 1 and 1024"), range.getMessage());

    IllegalArgumentException backend = assertThrows(IllegalArgumentException.class, () -> CacheSettings.resolve(
        null, new Properties(), Map.of("CACHE_BACKEND", "memcached")));
    assertTrue(backend.getMessage().contains("memory or redis"), backend.getMessage());

    IllegalArgumentException bool = assertThrows(IllegalArgumentException.class, () -> CacheSettings.resolve(
        properties("cache.memory.store-by-reference", "yes"), new Properties(), Map.of()));
    assertTrue(bool.getMessage().contains("true or false"), bool.getMessage());
  }

  @Test
  void withTimeSourceKeepsEverythingElse() {
    CacheSettings settings = CacheSettings.resolve(properties("cache.namespace", "t"), new Properties(), Map.of());

    CacheSettings copy = settings.withTimeSource(() -> 42L);

    assertEquals("t", copy.namespace());
    assertEquals(42L, copy.timeSource().currentTimeMillis());
    assertTrue(copy.toString().contains("namespace=t"));
  }

  private static Properties properties(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }
}
