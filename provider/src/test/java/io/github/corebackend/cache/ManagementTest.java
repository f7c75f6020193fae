package io.github.corebackend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.spi.TimeSource;
import java.lang.management.ManagementFactory;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManagementTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final UnifiedCacheManager manager = TestManagers.create(TimeSource.SYSTEM);

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void beansAppearUnderTheStandardNamesAndFollowTheSwitches() throws Exception {
    Cache<String, String> cache = manager.createCache("users:v1", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class).setStatisticsEnabled(true).setManagementEnabled(true));
    ObjectName statistics = name("CacheStatistics", "users.v1");
    ObjectName configuration = name("CacheConfiguration", "users.v1");
    cache.put("k", "v");
    cache.get("k");

    assertEquals(1L, server.getAttribute(statistics, "CacheHits"));
    assertEquals("java.lang.String", server.getAttribute(configuration, "KeyType"));
    assertEquals(true, server.getAttribute(configuration, "StatisticsEnabled"));

    manager.enableStatistics("users:v1", false);
    assertFalse(server.isRegistered(statistics));
    assertEquals(false, server.getAttribute(configuration, "StatisticsEnabled"));

    manager.enableManagement("users:v1", false);
    assertFalse(server.isRegistered(configuration));
  }

  @Test
  void closingTheManagerUnregistersItsBeans() throws Exception {
    manager.createCache("closing", new MutableConfiguration<>().setStatisticsEnabled(true));
    ObjectName statistics = name("CacheStatistics", "closing");
    assertTrue(server.isRegistered(statistics));

    manager.close();

    assertFalse(server.isRegistered(statistics));
  }

  @Test
  void enablingForAnUnknownCacheDoesNothing() {
    manager.enableStatistics("unknown", true);
    manager.enableManagement("unknown", true);
    assertFalse(manager.getCacheNames().iterator().hasNext());
  }

  private ObjectName name(String type, String cache) throws Exception {
    return new ObjectName("javax.cache:type=" + type + ",CacheManager="
        + manager.getURI().toString().replace(':', '.') + ",Cache=" + cache);
  }
}
