package io.github.corebackend.cache.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The second-level caches of the Hibernate benchmark: none, this provider on each backend, the
 * in-memory JCache providers users pick instead, and Redisson's own Hibernate region factory. Every
 * JCache peer goes through Hibernate's {@code jcache} region factory with its provider named by class
 * (several are on the class path) and regions created by Hibernate with a bare
 * {@code MutableConfiguration} (store-by-value), as a Hibernate user configures it. The Redis peers
 * JDK-serialize, and keep their keys under a namespace or region prefix of their own.
 */
public enum HibernatePeer {
  /** No second-level cache: every find and every query goes to PostgreSQL. */
  L2_OFF {
    @Override
    Map<String, String> cacheSettings(String redisUrl, Path directory, String namespace) {
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("hibernate.cache.use_second_level_cache", "false");
      settings.put("hibernate.cache.use_query_cache", "false");
      return settings;
    }
  },
  /** This project's memory backend. */
  UNIFIED_MEMORY {
    @Override
    Map<String, String> cacheSettings(String redisUrl, Path directory, String namespace) throws IOException {
      return ours(directory, "cache.backend=memory", "cache.namespace=" + namespace);
    }
  },
  /** This project's redis backend. */
  UNIFIED_REDIS {
    @Override
    Map<String, String> cacheSettings(String redisUrl, Path directory, String namespace) throws IOException {
      return ours(directory, "cache.backend=redis", "cache.redis.url=" + redisUrl, "cache.namespace=" + namespace);
    }
  },
  /** This project's near backend: Redis, with copies of what was read kept in memory in front. */
  UNIFIED_NEAR {
    @Override
    Map<String, String> cacheSettings(String redisUrl, Path directory, String namespace) throws IOException {
      return ours(directory, "cache.backend=near", "cache.redis.url=" + redisUrl, "cache.namespace=" + namespace);
    }
  },
  /** Caffeine's JCache provider, with its default configuration. */
  CAFFEINE_JCACHE {
    @Override
    Map<String, String> cacheSettings(String redisUrl, Path directory, String namespace) {
      return jcache("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider");
    }
  },
  /** Ehcache 3's JCache provider, with its default configuration. */
  EHCACHE {
    @Override
    Map<String, String> cacheSettings(String redisUrl, Path directory, String namespace) {
      return jcache("org.ehcache.jsr107.EhcacheCachingProvider");
    }
  },
  /** Redisson's Hibernate 7 region factory (RMapCache regions), with Redisson's JDK codec. */
  REDISSON {
    @Override
    Map<String, String> cacheSettings(String redisUrl, Path directory, String namespace) throws IOException {
      Path config = Files.writeString(directory.resolve("redisson.yaml"), String.join("\n",
          "singleServerConfig:", "  address: \"" + redisUrl + "\"",
          "codec: !<org.redisson.codec.SerializationCodec> {}", ""));
      Map<String, String> settings = secondLevelCacheOn();
      settings.put("hibernate.cache.region.factory_class", "org.redisson.hibernate.RedissonRegionFactory");
      settings.put("hibernate.cache.redisson.config", config.toString());
      settings.put("hibernate.cache.region_prefix", namespace);
      return settings;
    }
  };

  /**
   * The Hibernate settings of this peer's cache. {@code directory} is a fresh directory for
   * configuration files; {@code namespace} a prefix no other run uses.
   */
  abstract Map<String, String> cacheSettings(String redisUrl, Path directory, String namespace) throws IOException;

  /** Whether this peer has a second-level cache (and so must not reach the database once warm). */
  boolean cached() {
    return this != L2_OFF;
  }

  /** Whether this peer keeps its entries in Redis. */
  boolean usesRedis() {
    return this == UNIFIED_REDIS || this == UNIFIED_NEAR || this == REDISSON;
  }

  /** Our provider, configured by a properties file that {@code hibernate.javax.cache.uri} names. */
  private static Map<String, String> ours(Path directory, String... properties) throws IOException {
    Path file = Files.writeString(directory.resolve("cache.properties"), String.join("\n", properties) + "\n");
    Map<String, String> settings = jcache("io.github.corebackend.cache.UnifiedCachingProvider");
    settings.put("hibernate.javax.cache.uri", file.toUri().toString());
    return settings;
  }

  private static Map<String, String> jcache(String provider) {
    Map<String, String> settings = secondLevelCacheOn();
    settings.put("hibernate.cache.region.factory_class", "jcache");
    settings.put("hibernate.javax.cache.provider", provider);
    settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
    return settings;
  }

  private static Map<String, String> secondLevelCacheOn() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("hibernate.cache.use_second_level_cache", "true");
    settings.put("hibernate.cache.use_query_cache", "true");
    return settings;
  }
}
