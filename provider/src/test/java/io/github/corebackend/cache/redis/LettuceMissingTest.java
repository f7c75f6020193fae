package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.UnifiedCachingProvider;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Properties;
import javax.cache.Cache;
import org.junit.jupiter.api.Test;

/** Asking for the redis backend without Lettuce on the classpath fails with a message naming it. */
class LettuceMissingTest {

  @Test
  void theErrorNamesTheMissingArtifact() throws Exception {
    URL provider = UnifiedCachingProvider.class.getProtectionDomain().getCodeSource().getLocation();
    URL api = Cache.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader withoutLettuce = new URLClassLoader(new URL[] {provider, api},
        ClassLoader.getPlatformClassLoader())) {
      Object cachingProvider = withoutLettuce.loadClass(UnifiedCachingProvider.class.getName())
          .getDeclaredConstructor().newInstance();
      Properties properties = new Properties();
      properties.setProperty("cache.backend", "redis");
      Object manager = cachingProvider.getClass()
          .getMethod("getCacheManager", URI.class, ClassLoader.class, Properties.class)
          .invoke(cachingProvider, URI.create("no-lettuce"), withoutLettuce, properties);
      Class<?> configurationType = withoutLettuce.loadClass("javax.cache.configuration.Configuration");
      Object configuration = withoutLettuce.loadClass("javax.cache.configuration.MutableConfiguration")
          .getDeclaredConstructor().newInstance();

      InvocationTargetException failure = org.junit.jupiter.api.Assertions.assertThrows(
          InvocationTargetException.class, () -> manager.getClass()
              .getMethod("createCache", String.class, configurationType)
              .invoke(manager, "sessions", configuration));

      Throwable cause = failure.getCause();
      assertEquals("javax.cache.CacheException", cause.getClass().getName());
      assertTrue(cause.getMessage().contains("io.lettuce:lettuce-core"), cause.getMessage());
      assertTrue(cause.getMessage().contains("'sessions'"), cause.getMessage());

      // The health check says the same, and is down.
      Object health = manager.getClass().getMethod("health").invoke(manager);
      assertEquals("DOWN", String.valueOf(health.getClass().getMethod("status").invoke(health)));
      String backends = String.valueOf(health.getClass().getMethod("backends").invoke(health));
      assertTrue(backends.contains("The health check uses the redis backend, which needs io.lettuce:lettuce-core"),
          backends);
    }
  }
}
