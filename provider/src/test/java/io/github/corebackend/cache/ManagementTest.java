package io.github.corebackend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.management.ManagementRegistry;
import io.github.corebackend.cache.management.ManagementRegistry.BeanType;
import io.github.corebackend.cache.spi.TimeSource;
import java.lang.management.ManagementFactory;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Caches' MXBeans in the platform MBean server: under the names tools compute where a cache name
 * allows, and under a name of their own always.
 */
class ManagementTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final UnifiedCacheManager manager = TestManagers.create(TimeSource.SYSTEM);

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void beansAppearUnderTheStandardNamesAndFollowTheSwitches() throws Exception {
    Cache<String, String> cache = manager.createCache("users.v1", counted());
    ObjectName statistics = name("CacheStatistics", "users.v1");
    ObjectName configuration = name("CacheConfiguration", "users.v1");
    cache.put("k", "v");
    cache.get("k");

    assertEquals(1L, server.getAttribute(statistics, "CacheHits"));
    assertEquals("java.lang.String", server.getAttribute(configuration, "KeyType"));
    assertEquals(true, server.getAttribute(configuration, "StatisticsEnabled"));

    manager.enableStatistics("users.v1", false);
    assertFalse(server.isRegistered(statistics));
    assertEquals(false, server.getAttribute(configuration, "StatisticsEnabled"));

    manager.enableManagement("users.v1", false);
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

  @ParameterizedTest
  @ValueSource(strings = {"users", "with space", "back\\slash", "", "cr\rhere"})
  void aNameToolsCanWriteAsItIsKeepsTheNameTheyCompute(String cacheName) throws Exception {
    manager.createCache(cacheName, counted());

    assertTrue(server.isRegistered(name("CacheStatistics", cacheName)));
    assertTrue(server.isRegistered(name("CacheConfiguration", cacheName)));
  }

  @Test
  void cacheNamesThatUsedToShareAnObjectNameHaveBeansOfTheirOwn() throws Exception {
    Cache<String, String> colon = manager.createCache("orders:v1", counted());
    Cache<String, String> dot = manager.createCache("orders.v1", counted());
    colon.put("k", "v");
    dot.put("k", "v");
    dot.put("k2", "v");

    assertNotEquals(statisticsOf("orders:v1"), statisticsOf("orders.v1"));
    assertEquals(1L, server.getAttribute(statisticsOf("orders:v1"), "CachePuts"));
    assertEquals(2L, server.getAttribute(statisticsOf("orders.v1"), "CachePuts"));

    dot.close();

    assertFalse(server.isRegistered(statisticsOf("orders.v1")));
    assertFalse(server.isRegistered(configurationOf("orders.v1")));
    assertEquals(1L, server.getAttribute(statisticsOf("orders:v1"), "CachePuts"));
    assertTrue(server.isRegistered(configurationOf("orders:v1")));

    manager.destroyCache("orders:v1");

    assertFalse(server.isRegistered(statisticsOf("orders:v1")));
    assertFalse(server.isRegistered(configurationOf("orders:v1")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a*b", "what?", "*", "?", "say \"hi\"", "\"", "\"quoted\"", "line\nbreak", "\n",
      "back\\slash", "\\", "a,b=c:d", " ", ""})
  void aCacheNameWithAnyCharacterGetsBeansThatCountAndGoWithIt(String cacheName) throws Exception {
    Cache<String, String> cache = manager.createCache(cacheName, counted());
    cache.put("k", "v");
    assertEquals("v", cache.get("k"));
    ObjectName statistics = statisticsOf(cacheName);
    ObjectName configuration = configurationOf(cacheName);

    assertFalse(statistics.isPattern(), statistics.toString());
    assertEquals(1L, server.getAttribute(statistics, "CachePuts"));
    assertEquals(1L, server.getAttribute(statistics, "CacheHits"));
    assertEquals("java.lang.String", server.getAttribute(configuration, "KeyType"));

    cache.close();

    assertFalse(server.isRegistered(statistics));
    assertFalse(server.isRegistered(configuration));
  }

  private static MutableConfiguration<String, String> counted() {
    return new MutableConfiguration<String, String>().setTypes(String.class, String.class)
        .setStatisticsEnabled(true).setManagementEnabled(true);
  }

  private ObjectName statisticsOf(String cacheName) {
    return ManagementRegistry.objectName(BeanType.CacheStatistics, manager.getURI(), cacheName);
  }

  private ObjectName configurationOf(String cacheName) {
    return ManagementRegistry.objectName(BeanType.CacheConfiguration, manager.getURI(), cacheName);
  }

  /** The name as the TCK and Micrometer compute it. */
  private ObjectName name(String type, String cache) throws Exception {
    return new ObjectName("javax.cache:type=" + type + ",CacheManager="
        + manager.getURI().toString().replace(':', '.') + ",Cache=" + cache);
  }
}
