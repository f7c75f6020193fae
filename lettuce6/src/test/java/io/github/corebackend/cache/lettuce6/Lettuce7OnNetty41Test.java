package io.github.corebackend.cache.lettuce6;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.redis.RedisTestServer;
import io.lettuce.core.RedisClient;
import io.netty.util.Version;
import java.net.URI;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Lettuce 7 on Netty 4.1, the mistake of an application whose framework manages Netty 4.1 (Spring
 * Boot 3.5): Lettuce 7 needs Netty 4.2's event loops. Run by the {@code lettuce7-on-netty41}
 * execution, whose class path has Lettuce 7's jar in place of Lettuce 6's.
 */
class Lettuce7OnNetty41Test {

  private static final String LETTUCE = RedisClient.class.getPackage().getImplementationVersion().split("/")[0];
  private static final String NETTY = Version.identify().get("netty-transport").artifactVersion();

  @Test
  void theClassPathIsLettuce7OnNetty41() {
    assertTrue(LETTUCE.startsWith("7."), LETTUCE);
    assertTrue(NETTY.startsWith("4.1."), NETTY);
  }

  @Test
  void aRedisCacheIsRefusedNamingBothVersionsAndTheFix() throws Exception {
    assertRefused("redis");
  }

  @Test
  void aNearCacheIsRefusedTheSameWay() throws Exception {
    assertRefused("near");
  }

  private static void assertRefused(String backend) throws Exception {
    CacheException refused;
    try (CacheManager manager = manager(backend)) {
      refused = assertThrows(CacheException.class, () -> {
        Cache<String, String> cache = manager.createCache("sessions", new MutableConfiguration<String, String>()
            .setTypes(String.class, String.class));
        cache.put("k", "v");
      });
    }

    String message = refused.getMessage();
    assertAll(
        () -> assertTrue(message.startsWith("Cache 'sessions' uses the " + backend + " backend"), message),
        () -> assertTrue(message.contains("Lettuce " + LETTUCE), message),
        () -> assertTrue(message.contains("Netty " + NETTY), message),
        () -> assertTrue(message.contains("Lettuce 6"), message),
        () -> assertTrue(message.contains("Netty 4.2"), message),
        () -> assertEquals(List.of(), ClientThreads.leftAfter(5_000), "threads left"));
  }

  private static CacheManager manager(String backend) {
    Properties properties = new Properties();
    properties.setProperty("cache.backend", backend);
    properties.setProperty("cache.redis.url", RedisTestServer.shared().url());
    properties.setProperty("cache.namespace", "test-" + UUID.randomUUID());
    return Caching.getCachingProvider().getCacheManager(URI.create("lettuce7-on-netty41:" + UUID.randomUUID()), null,
        properties);
  }
}
