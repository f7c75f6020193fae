package io.github.corebackend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.management.ManagementRegistry;
import io.github.corebackend.cache.management.ManagementRegistry.BeanType;
import io.github.corebackend.cache.spi.TimeSource;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Caches' MXBeans in the platform MBean server: under the names tools compute where a cache name
 * allows, under a name of their own always, and never one cache's bean shown or removed for another.
 */
class ManagementTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final UnifiedCacheManager manager = TestManagers.create(TimeSource.SYSTEM);
  private final List<CacheManager> others = new ArrayList<>();

  @AfterEach
  void close() {
    others.forEach(CacheManager::close);
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

  @Test
  void enablingAgainKeepsTheBeansAndTheirCounts() throws Exception {
    Cache<String, String> cache = manager.createCache("again", counted());
    cache.put("k", "v");

    manager.enableStatistics("again", true);
    manager.enableManagement("again", true);

    assertEquals(1L, server.getAttribute(statisticsOf("again"), "CachePuts"));
    assertTrue(server.isRegistered(configurationOf("again")));
  }

  @Test
  void aCacheWhoseObjectNameIsTakenIsRefusedAndTheOwnerKeepsItsBeans() throws Exception {
    String id = UUID.randomUUID().toString();
    URI ownerUri = URI.create("jmx-test:" + id);
    URI otherUri = URI.create("jmx-test." + id);
    ObjectName statistics = ManagementRegistry.objectName(BeanType.CacheStatistics, ownerUri, "c");
    assertEquals(statistics, ManagementRegistry.objectName(BeanType.CacheStatistics, otherUri, "c"));
    Cache<String, String> owned = other(ownerUri).createCache("c", counted());
    owned.put("k", "v");
    CacheManager other = other(otherUri);

    CacheException e = assertThrows(CacheException.class, () -> other.createCache("c", counted()));

    assertTrue(e.getMessage().contains("'c'"), e.getMessage());
    assertTrue(e.getMessage().contains(otherUri.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(statistics.toString()), e.getMessage());
    assertFalse(other.getCacheNames().iterator().hasNext(), "no half-made cache stays");
    assertEquals(1L, server.getAttribute(statistics, "CachePuts"));

    Cache<String, String> unmanaged = other.createCache("c", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class));
    CacheException late = assertThrows(CacheException.class, () -> other.enableStatistics("c", true));

    assertTrue(late.getMessage().contains(statistics.toString()), late.getMessage());
    unmanaged.put("k", "v");
    assertEquals(0, TestManagers.unified(unmanaged).statistics().getCachePuts(), "statistics stay off");
    other.close();
    assertEquals(1L, server.getAttribute(statistics, "CachePuts"));
    assertTrue(server.isRegistered(ManagementRegistry.objectName(BeanType.CacheConfiguration, ownerUri, "c")));
  }

  @Test
  void aCacheRefusedForItsSecondBeanTakesItsFirstOneAway() {
    String id = UUID.randomUUID().toString();
    URI ownerUri = URI.create("jmx-test:" + id);
    URI otherUri = URI.create("jmx-test." + id);
    other(ownerUri).createCache("m", new MutableConfiguration<>().setManagementEnabled(true));
    CacheManager other = other(otherUri);

    assertThrows(CacheException.class, () -> other.createCache("m", counted()));

    assertFalse(server.isRegistered(ManagementRegistry.objectName(BeanType.CacheStatistics, otherUri, "m")));
    assertTrue(server.isRegistered(ManagementRegistry.objectName(BeanType.CacheConfiguration, ownerUri, "m")));
  }

  private CacheManager other(URI uri) {
    CacheManager other = TestManagers.create(uri, TimeSource.SYSTEM);
    others.add(other);
    return other;
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
