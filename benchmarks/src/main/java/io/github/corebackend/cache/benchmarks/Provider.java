package io.github.corebackend.cache.benchmarks;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import java.net.URI;
import java.util.OptionalLong;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import org.cache2k.Cache2kBuilder;
import org.cache2k.jcache.ExtendedMutableConfiguration;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.jsr107.Eh107Configuration;

/**
 * The JCache providers measured side by side: ours and the in-memory anchors. Each cache is bounded
 * to the same number of entries and keeps values by reference, so that the engines are compared,
 * not the copying.
 */
public enum Provider {
  /** This project's memory backend. */
  UNIFIED("io.github.corebackend.cache.UnifiedCachingProvider") {
    @Override
    Configuration<Integer, Integer> configuration(long maximumSize) {
      return new MutableConfiguration<Integer, Integer>().setStoreByValue(false);
    }

    @Override
    CacheManager manager(javax.cache.spi.CachingProvider provider, String cacheName, long maximumSize) {
      // The bound is a manager setting here, so each cache gets a manager of its own.
      Properties properties = new Properties();
      properties.setProperty("cache.memory.max-items", Long.toString(maximumSize));
      return provider.getCacheManager(URI.create("benchmark-" + cacheName), getClass().getClassLoader(),
          properties);
    }
  },
  /** Caffeine's JCache adapter. */
  CAFFEINE("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider") {
    @Override
    Configuration<Integer, Integer> configuration(long maximumSize) {
      CaffeineConfiguration<Integer, Integer> configuration = new CaffeineConfiguration<>();
      configuration.setMaximumSize(OptionalLong.of(maximumSize));
      return configuration.setStoreByValue(false);
    }
  },
  /** Ehcache 3 on the heap tier. */
  EHCACHE("org.ehcache.jsr107.EhcacheCachingProvider") {
    @Override
    Configuration<Integer, Integer> configuration(long maximumSize) {
      return Eh107Configuration.fromEhcacheCacheConfiguration(CacheConfigurationBuilder
          .newCacheConfigurationBuilder(Integer.class, Integer.class, ResourcePoolsBuilder.heap(maximumSize)));
    }
  },
  /** cache2k's JCache adapter. */
  CACHE2K("org.cache2k.jcache.provider.JCacheProvider") {
    @Override
    Configuration<Integer, Integer> configuration(long maximumSize) {
      ExtendedMutableConfiguration<Integer, Integer> configuration =
          ExtendedMutableConfiguration.of(Cache2kBuilder.of(Integer.class, Integer.class).entryCapacity(maximumSize));
      configuration.setStoreByValue(false);
      return configuration;
    }
  };

  private final String providerClass;

  Provider(String providerClass) {
    this.providerClass = providerClass;
  }

  /** The cache configuration bounding a cache to {@code maximumSize} entries. */
  abstract Configuration<Integer, Integer> configuration(long maximumSize);

  /** The manager to create the cache in; the anchors bound each cache in its configuration. */
  CacheManager manager(javax.cache.spi.CachingProvider provider, String cacheName, long maximumSize) {
    return provider.getCacheManager();
  }

  /** Creates a bounded cache; close it with {@link #close}. */
  Cache<Integer, Integer> createCache(String name, long maximumSize) {
    CacheManager manager = manager(Caching.getCachingProvider(providerClass), name, maximumSize);
    return manager.createCache(name, configuration(maximumSize));
  }

  /** Closes the cache and its manager. */
  static void close(Cache<?, ?> cache) {
    CacheManager manager = cache.getCacheManager();
    manager.destroyCache(cache.getName());
    manager.close();
  }
}
