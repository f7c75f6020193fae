package io.github.corebackend.cache.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import java.net.URI;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import org.cache2k.Cache2kBuilder;
import org.cache2k.jcache.ExtendedMutableConfiguration;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.impl.config.copy.DefaultCopierConfiguration;
import org.ehcache.impl.copy.SerializingCopier;
import org.ehcache.jsr107.Eh107Configuration;

/**
 * The in-memory caches measured side by side: ours and the JCache providers users would pick instead,
 * each keeping values by reference or by value, plus raw Caffeine and a {@link ConcurrentHashMap} as
 * floors. Every cache is bounded to the same number of entries, except the reference implementation
 * and the map, which cannot be bounded. Providers are looked up by class name, since each one
 * registers itself as a {@code CachingProvider}.
 */
public enum MemoryPeer {
  /** This project's memory backend, by reference. */
  UNIFIED {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return unified(name, capacity, false);
    }
  },
  /** This project's memory backend, by value (the JCache default). */
  UNIFIED_BY_VALUE {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return unified(name, capacity, true);
    }
  },
  /** Caffeine's JCache adapter, by reference. */
  CAFFEINE_JCACHE {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return caffeineJCache(name, capacity, false);
    }
  },
  /** Caffeine's JCache adapter, by value. */
  CAFFEINE_JCACHE_BY_VALUE {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return caffeineJCache(name, capacity, true);
    }
  },
  /** Ehcache 3's heap tier, by reference (its default there). */
  EHCACHE {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return ehcache(name, capacity, false);
    }
  },
  /** Ehcache 3's heap tier with serializing value copies. */
  EHCACHE_BY_VALUE {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return ehcache(name, capacity, true);
    }
  },
  /** cache2k's JCache adapter, by reference. */
  CACHE2K {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return cache2k(name, capacity, false);
    }
  },
  /** cache2k's JCache adapter, by value. */
  CACHE2K_BY_VALUE {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return cache2k(name, capacity, true);
    }
  },
  /** The JSR-107 reference implementation (unbounded), by reference. */
  JSR107_RI {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return referenceImplementation(name, false);
    }
  },
  /** The JSR-107 reference implementation (unbounded), by value. */
  JSR107_RI_BY_VALUE {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return referenceImplementation(name, true);
    }
  },
  /** Caffeine without JCache: the engine alone. */
  CAFFEINE {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return new MapAdapter<>(Caffeine.newBuilder().maximumSize(capacity).<Integer, Object>build().asMap());
    }
  },
  /** A {@link ConcurrentHashMap} (unbounded): no cache at all. */
  CONCURRENT_HASH_MAP {
    @Override
    BenchmarkCache<Integer, Object> open(String name, long capacity) {
      return new MapAdapter<>(new ConcurrentHashMap<>());
    }
  };

  /** Opens a cache named {@code name} bounded to {@code capacity} entries where the peer allows it. */
  abstract BenchmarkCache<Integer, Object> open(String name, long capacity);

  private static BenchmarkCache<Integer, Object> unified(String name, long capacity, boolean byValue) {
    // The bound is a manager setting here, so each cache gets a manager of its own.
    Properties properties = new Properties();
    properties.setProperty("cache.memory.max-items", Long.toString(capacity));
    CacheManager manager = Caching.getCachingProvider("io.github.corebackend.cache.UnifiedCachingProvider")
        .getCacheManager(URI.create("benchmark-" + name), MemoryPeer.class.getClassLoader(), properties);
    return create(manager, name, new MutableConfiguration<Integer, Object>().setStoreByValue(byValue));
  }

  private static BenchmarkCache<Integer, Object> caffeineJCache(String name, long capacity, boolean byValue) {
    CaffeineConfiguration<Integer, Object> configuration = new CaffeineConfiguration<>();
    configuration.setMaximumSize(OptionalLong.of(capacity));
    configuration.setStoreByValue(byValue);
    return create(manager("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider"), name, configuration);
  }

  private static BenchmarkCache<Integer, Object> ehcache(String name, long capacity, boolean byValue) {
    CacheConfigurationBuilder<Integer, Object> builder = CacheConfigurationBuilder
        .newCacheConfigurationBuilder(Integer.class, Object.class, ResourcePoolsBuilder.heap(capacity));
    if (byValue) {
      builder = builder.withService(new DefaultCopierConfiguration<>(
          SerializingCopier.<Object>asCopierClass(), DefaultCopierConfiguration.Type.VALUE));
    }
    return create(manager("org.ehcache.jsr107.EhcacheCachingProvider"), name,
        Eh107Configuration.fromEhcacheCacheConfiguration(builder));
  }

  private static BenchmarkCache<Integer, Object> cache2k(String name, long capacity, boolean byValue) {
    ExtendedMutableConfiguration<Integer, Object> configuration =
        ExtendedMutableConfiguration.of(Cache2kBuilder.of(Integer.class, Object.class).entryCapacity(capacity));
    configuration.setStoreByValue(byValue);
    return create(manager("org.cache2k.jcache.provider.JCacheProvider"), name, configuration);
  }

  private static BenchmarkCache<Integer, Object> referenceImplementation(String name, boolean byValue) {
    return create(manager("org.jsr107.ri.spi.RICachingProvider"), name,
        new MutableConfiguration<Integer, Object>().setStoreByValue(byValue));
  }

  private static CacheManager manager(String providerClass) {
    return Caching.getCachingProvider(providerClass).getCacheManager();
  }

  private static BenchmarkCache<Integer, Object> create(CacheManager manager, String name,
      Configuration<Integer, Object> configuration) {
    return new JCacheAdapter<>(manager.createCache(name, configuration));
  }
}
