package io.github.corebackend.cache.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.corebackend.cache.UnifiedCachingProvider;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Properties;
import javax.cache.Cache;
import org.junit.jupiter.api.Test;

/**
 * The provider's own jar needs neither Jackson nor MessagePack: asking for their serializers without
 * them fails when the manager is created, naming the missing artifact; the jdk serializer works.
 */
@SuppressWarnings("JavaUtilDate") // Date: a mutable Serializable JDK type, what copies must handle
class JacksonMissingTest {

  @Test
  void withoutJacksonTheJsonSerializerNamesTheArtifact() throws Exception {
    try (URLClassLoader loader = isolated()) {
      Throwable failure = createManager(loader, "json");

      assertEquals("javax.cache.CacheException", failure.getClass().getName());
      assertTrue(failure.getMessage().contains("cache.serializer 'json'"), failure.getMessage());
      assertTrue(failure.getMessage().contains(Serializers.JACKSON_ARTIFACT), failure.getMessage());
      assertEquals(null, createManager(loader, "jdk"), "the default serializer needs nothing");
    }
  }

  @Test
  void withJacksonButWithoutMessagePackTheMsgpackSerializerNamesTheArtifact() throws Exception {
    try (URLClassLoader loader = isolated(ObjectMapper.class, JsonFactory.class, JsonTypeInfo.class)) {
      Throwable failure = createManager(loader, "msgpack");

      assertTrue(failure.getMessage().contains(Serializers.MSGPACK_ARTIFACT), failure.getMessage());
      assertEquals(null, createManager(loader, "json"), "json needs Jackson only");
    }
  }

  /** A class loader with the provider, the JCache API and the jars of the given classes only. */
  private static URLClassLoader isolated(Class<?>... more) {
    URL[] urls = new URL[more.length + 2];
    urls[0] = UnifiedCachingProvider.class.getProtectionDomain().getCodeSource().getLocation();
    urls[1] = Cache.class.getProtectionDomain().getCodeSource().getLocation();
    for (int i = 0; i < more.length; i++) {
      urls[i + 2] = more[i].getProtectionDomain().getCodeSource().getLocation();
    }
    return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
  }

  /** Creates a manager using {@code serializer} in {@code loader}; its failure, or {@code null}. */
  private static Throwable createManager(URLClassLoader loader, String serializer) throws Exception {
    Object provider = loader.loadClass(UnifiedCachingProvider.class.getName()).getDeclaredConstructor().newInstance();
    Properties properties = new Properties();
    properties.setProperty("cache.serializer", serializer);
    try {
      Object manager = provider.getClass().getMethod("getCacheManager", URI.class, ClassLoader.class, Properties.class)
          .invoke(provider, URI.create("serializer-" + serializer), loader, properties);
      Class<?> configurationType = loader.loadClass("javax.cache.configuration.Configuration");
      Object configuration = loader.loadClass("javax.cache.configuration.MutableConfiguration")
          .getDeclaredConstructor().newInstance();
      Object cache = manager.getClass().getMethod("createCache", String.class, configurationType)
          .invoke(manager, "dates", configuration);
      cache.getClass().getMethod("put", Object.class, Object.class).invoke(cache, "k", new java.util.Date(5));
      manager.getClass().getMethod("close").invoke(manager);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }
}
