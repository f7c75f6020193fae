package io.github.corebackend.cache;

import io.github.corebackend.cache.config.CacheSettings;
import io.github.corebackend.cache.spi.TimeSource;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;

/** Cache managers for tests, with their own settings and clock, outside any provider's registry. */
final class TestManagers {

  private static final AtomicInteger IDS = new AtomicInteger();

  private TestManagers() {}

  /** The provider's cache behind {@code cache}, typed as it is. */
  @SuppressWarnings("unchecked")
  static <K, V> UnifiedCache<K, V> unified(Cache<K, V> cache) {
    return cache.unwrap(UnifiedCache.class);
  }

  /** A manager whose settings are only the given key/value pairs (no system or environment). */
  static UnifiedCacheManager create(TimeSource clock, String... keysAndValues) {
    return create(URI.create("test:manager-" + IDS.incrementAndGet()), clock, keysAndValues);
  }

  /** Likewise, under the given URI. */
  static UnifiedCacheManager create(URI uri, TimeSource clock, String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    CacheSettings settings = CacheSettings.resolve(properties, new Properties(), Map.of());
    return new UnifiedCacheManager(new UnifiedCachingProvider(), uri, TestManagers.class.getClassLoader(),
        properties, settings, clock);
  }
}
