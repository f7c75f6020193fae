package io.github.corebackend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Properties;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.Test;

class UnifiedCachingProviderTest {

  @Test
  void isTheProviderTheStandardLookupFinds() {
    CachingProvider provider = Caching.getCachingProvider();

    assertInstanceOf(UnifiedCachingProvider.class, provider);
    assertTrue(provider.isSupported(OptionalFeature.STORE_BY_REFERENCE));
    assertEquals(URI.create(UnifiedCachingProvider.class.getName()), provider.getDefaultURI());
  }

  @Test
  void anUnknownBackendFailsTheManagerNamingTheKeyAndTheBackendsThereAre() {
    Properties properties = new Properties();
    properties.setProperty("cache.backend", "memcached");

    CacheException e = assertThrows(CacheException.class,
        () -> new UnifiedCachingProvider().getCacheManager(URI.create("urn:unknown-backend"), null, properties));

    assertTrue(e.getMessage().contains("cache.backend (CACHE_BACKEND) 'memcached'"), e.getMessage());
    assertTrue(e.getMessage().contains("use one of memory, near, redis"), e.getMessage());
  }

  @Test
  void keepsOneManagerPerUriAndClassLoaderUntilItCloses() {
    UnifiedCachingProvider provider = new UnifiedCachingProvider();
    URI uri = URI.create("urn:provider-test");
    CacheManager first = provider.getCacheManager(uri, null);

    assertSame(first, provider.getCacheManager(uri, provider.getDefaultClassLoader()));
    assertNotSame(first, provider.getCacheManager(URI.create("urn:other"), null));

    first.close();
    CacheManager second = provider.getCacheManager(uri, null);
    assertNotSame(first, second);
    assertFalse(second.isClosed());
    provider.close();
    assertTrue(second.isClosed());
  }

  @Test
  void managerPropertiesConfigureItsSettings() {
    UnifiedCachingProvider provider = new UnifiedCachingProvider();
    Properties properties = new Properties();
    properties.setProperty("cache.namespace", "tenant1");
    properties.setProperty("cache.memory.max-items", "42");

    UnifiedCacheManager manager = (UnifiedCacheManager) provider.getCacheManager(URI.create("urn:configured"),
        null, properties);

    assertEquals("tenant1", manager.settings().namespace());
    assertEquals(42, manager.settings().memoryMaxItems());
    assertEquals("tenant1", manager.getProperties().getProperty("cache.namespace"));
    provider.close();
  }

  @Test
  void badSettingsFailTheManagerWithTheKeyInTheMessage() {
    UnifiedCachingProvider provider = new UnifiedCachingProvider();
    Properties properties = new Properties();
    properties.setProperty("cache.memory.cleanup-interval", "often");

    CacheException e = assertThrows(CacheException.class,
        () -> provider.getCacheManager(URI.create("urn:bad"), null, properties));

    assertTrue(e.getMessage().contains("cache.memory.cleanup-interval"), e.getMessage());
    assertTrue(e.getMessage().contains("urn:bad"), e.getMessage());
  }

  @Test
  void closingByClassLoaderOnlyClosesThatLoadersManagers() {
    UnifiedCachingProvider provider = new UnifiedCachingProvider();
    ClassLoader other = new ClassLoader(getClass().getClassLoader()) {};
    CacheManager mine = provider.getCacheManager(URI.create("urn:a"), null);
    CacheManager theirs = provider.getCacheManager(URI.create("urn:a"), other);

    provider.close(other);

    assertTrue(theirs.isClosed());
    assertFalse(mine.isClosed());
    provider.close(URI.create("urn:a"), null);
    assertTrue(mine.isClosed());
  }

  @Test
  void closedManagersRefuseWork() {
    UnifiedCachingProvider provider = new UnifiedCachingProvider();
    CacheManager manager = provider.getCacheManager();
    manager.close();

    IllegalStateException e = assertThrows(IllegalStateException.class, manager::getCacheNames);
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }
}
