package io.github.corebackend.cache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code ${VAR}} and {@code ${VAR:default}} in configuration files. */
class PlaceholdersTest {

  private static final Properties NO_SYSTEM_PROPERTIES = new Properties();

  @Test
  void aVariableOfTheEnvironmentIsExpanded() {
    CacheSettings settings = resolve("cache.redis.url=${REDIS_URL}\n", NO_SYSTEM_PROPERTIES,
        Map.of("REDIS_URL", "redis://cache.internal:6380"));
    assertEquals("redis://cache.internal:6380", settings.redis().url());
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironment() {
    Properties system = new Properties();
    system.setProperty("TTL", "90s");
    CacheSettings settings = resolve("cache.default-ttl=${TTL}\n", system, Map.of("TTL", "1h"));
    assertEquals(Duration.ofSeconds(90), settings.defaultTtl());
  }

  @Test
  void theDefaultStandsInForAnUnsetVariable() {
    CacheSettings settings = resolve("""
        cache.redis.url=${REDIS_URL:redis://127.0.0.1:6379}
        cache.namespace=shop${SUFFIX:}
        """, NO_SYSTEM_PROPERTIES, Map.of());
    assertEquals("redis://127.0.0.1:6379", settings.redis().url(), "a default with colons of its own");
    assertEquals("shop", settings.namespace(), "an empty default");
  }

  @Test
  void placeholdersMixWithTextAndEachOther() {
    CacheSettings settings = resolve("cache.namespace=${APP}-${STAGE:dev}-v$1\n", NO_SYSTEM_PROPERTIES,
        Map.of("APP", "shop", "STAGE", "prod"));
    assertEquals("shop-prod-v$1", settings.namespace(), "a '$' without a brace is text");
  }

  @Test
  void anUnsetVariableWithoutDefaultFailsNamingItButNotTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> resolve("cache.redis.url=redis://:s3cret@${REDIS_HOST}:6379\n", NO_SYSTEM_PROPERTIES, Map.of()));
    assertTrue(e.getMessage().contains("'cache.redis.url' in test.properties refers to ${REDIS_HOST}"),
        e.getMessage());
    assertTrue(e.getMessage().contains("${REDIS_HOST:default}"), "says how to give a default: " + e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void aPlaceholderLeftOpenFails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> resolve("cache.namespace=${APP\n", NO_SYSTEM_PROPERTIES, Map.of("APP", "shop")));
    assertTrue(e.getMessage().contains("'cache.namespace' in test.properties opens a placeholder"), e.getMessage());
  }

  @Test
  void aPlaceholderWithoutNameFails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> resolve("cache.namespace=${:shop}\n", NO_SYSTEM_PROPERTIES, Map.of()));
    assertTrue(e.getMessage().contains("without a variable name"), e.getMessage());
  }

  @Test
  void propertiesPassedInCodeAreTakenAsTheyAre() {
    Properties explicit = new Properties();
    explicit.setProperty("cache.namespace", "${APP}");
    CacheSettings settings = CacheSettings.resolve(explicit, NO_SYSTEM_PROPERTIES, Map.of("APP", "shop"));
    assertEquals("${APP}", settings.namespace());
  }

  private static CacheSettings resolve(String fileText, Properties system, Map<String, String> environment) {
    Properties entries = new Properties();
    try {
      entries.load(new StringReader(fileText));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CacheSettings.resolve(null, ConfigFile.of("test.properties", entries), system, environment);
  }
}
