package io.github.corebackend.cache.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.management.ManagementRegistry.BeanType;
import java.lang.management.ManagementFactory;
import java.net.URI;
import javax.cache.CacheException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagementRegistryTest {

  private static final URI MANAGER = URI.create("urn:app:cache");

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @Test
  void namesFollowTheJcacheConventionAndAValidCacheNameStaysAsItIs() throws Exception {
    ObjectName name = ManagementRegistry.objectName(BeanType.CacheStatistics, MANAGER, "users.by-id v2\\x");

    assertEquals(new ObjectName("javax.cache:type=CacheStatistics,CacheManager=urn.app.cache,Cache=users.by-id v2\\x"),
        name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders:v1", "a,b", "a=b", "line\nbreak", "say \"hi\"", "a*b", "what?", "*", "?"})
  void anyOtherCacheNameIsQuotedAndReadsBackAsItself(String cacheName) {
    ObjectName name = ManagementRegistry.objectName(BeanType.CacheConfiguration, MANAGER, cacheName);

    assertFalse(name.isPattern(), name.toString());
    assertEquals(cacheName, ObjectName.unquote(name.getKeyProperty("Cache")));
    assertEquals("urn.app.cache", name.getKeyProperty("CacheManager"));
  }

  @Test
  void aNameIsLeftUnquotedExactlyWhenObjectNameTakesItUnquoted() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String cacheName = "a" + c + "b";
      String value = ManagementRegistry.objectName(BeanType.CacheStatistics, MANAGER, cacheName).getKeyProperty("Cache");
      assertEquals(takenUnquoted(cacheName), value.equals(cacheName), "character " + (int) c);
    }
  }

  @Test
  void namesThatUsedToBeReplacedIntoOneAreDistinct() {
    assertNotEquals(ManagementRegistry.objectName(BeanType.CacheStatistics, MANAGER, "orders:v1"),
        ManagementRegistry.objectName(BeanType.CacheStatistics, MANAGER, "orders.v1"));
    assertNotEquals(ManagementRegistry.objectName(BeanType.CacheStatistics, MANAGER, "\"orders\""),
        ManagementRegistry.objectName(BeanType.CacheStatistics, MANAGER, ObjectName.quote("\"orders\"")));
  }

  @Test
  void aManagerUriThatWouldBeAPatternIsQuoted() {
    ObjectName name = ManagementRegistry.objectName(BeanType.CacheStatistics, URI.create("urn:app?x=*"), "c");

    assertFalse(name.isPattern(), name.toString());
    assertEquals("urn.app?x.*", ObjectName.unquote(name.getKeyProperty("CacheManager")));
  }

  @Test
  void registeringAgainIsIdempotentAndOnlyTheOwnerUnregisters() throws Exception {
    URI manager = URI.create("registry-test:owner");
    ObjectName name = ManagementRegistry.objectName(BeanType.CacheStatistics, manager, "counted");
    CacheStatisticsBean bean = new CacheStatisticsBean();
    bean.recordHits(3);

    ManagementRegistry.register(bean, BeanType.CacheStatistics, manager, "counted");
    ManagementRegistry.register(bean, BeanType.CacheStatistics, manager, "counted");
    ManagementRegistry.unregister(new CacheStatisticsBean(), BeanType.CacheStatistics, manager, "counted");
    assertEquals(3L, server.getAttribute(name, "CacheHits"));

    ManagementRegistry.unregister(bean, BeanType.CacheStatistics, manager, "counted");
    ManagementRegistry.unregister(bean, BeanType.CacheStatistics, manager, "counted");
    assertFalse(server.isRegistered(name));
  }

  @Test
  void aNameTakenByAnotherBeanIsAnErrorThatNamesTheCacheTheManagerAndTheObjectName() throws Exception {
    URI manager = URI.create("registry-test:taken");
    ObjectName name = ManagementRegistry.objectName(BeanType.CacheStatistics, manager, "taken");
    CacheStatisticsBean first = new CacheStatisticsBean();
    first.recordHits(1);
    ManagementRegistry.register(first, BeanType.CacheStatistics, manager, "taken");
    try {
      CacheException e = assertThrows(CacheException.class,
          () -> ManagementRegistry.register(new CacheStatisticsBean(), BeanType.CacheStatistics, manager, "taken"));

      assertTrue(e.getMessage().contains("'taken'"), e.getMessage());
      assertTrue(e.getMessage().contains(manager.toString()), e.getMessage());
      assertTrue(e.getMessage().contains(name.toString()), e.getMessage());
      assertEquals(1L, server.getAttribute(name, "CacheHits"));
    } finally {
      ManagementRegistry.unregister(first, BeanType.CacheStatistics, manager, "taken");
    }
  }

  @Test
  void aNameRegisteredOutsideTheRegistryIsTakenToo() throws Exception {
    URI manager = URI.create("registry-test:foreign");
    ObjectName name = ManagementRegistry.objectName(BeanType.CacheStatistics, manager, "foreign");
    CacheStatisticsBean foreign = new CacheStatisticsBean();
    server.registerMBean(foreign, name); // as a provider loaded by another class loader would
    try {
      CacheException e = assertThrows(CacheException.class,
          () -> ManagementRegistry.register(new CacheStatisticsBean(), BeanType.CacheStatistics, manager, "foreign"));
      assertTrue(e.getMessage().contains(name.toString()), e.getMessage());

      ManagementRegistry.unregister(foreign, BeanType.CacheStatistics, manager, "foreign");
      assertTrue(server.isRegistered(name), "a bean the registry did not register stays");
    } finally {
      server.unregisterMBean(name);
    }
  }

  @Test
  void statisticsAveragesAndPercentagesAreZeroUntilSomethingHappens() {
    CacheStatisticsBean bean = new CacheStatisticsBean();
    assertEquals(0f, bean.getCacheHitPercentage());
    assertEquals(0f, bean.getAverageGetTime());

    bean.recordHits(1);
    bean.recordMisses(3);
    bean.recordGetTime(8_000);
    bean.recordPuts(2);
    bean.recordPutTime(4_000);
    bean.recordRemovals(1);
    bean.recordRemoveTime(1_000);
    bean.recordEvictions(5);

    assertEquals(25f, bean.getCacheHitPercentage());
    assertEquals(75f, bean.getCacheMissPercentage());
    assertEquals(2f, bean.getAverageGetTime(), "8 microseconds over 4 gets");
    assertEquals(2f, bean.getAveragePutTime());
    assertEquals(1f, bean.getAverageRemoveTime());
    assertEquals(5, bean.getCacheEvictions());

    bean.clear();
    assertEquals(0, bean.getCacheGets());
    assertTrue(bean.getAverageGetTime() == 0f);
  }

  /** Whether {@code value} is a property value as it stands: no error, no pattern, read back as is. */
  private static boolean takenUnquoted(String value) {
    try {
      ObjectName name = new ObjectName("d:k=" + value);
      return !name.isPattern() && value.equals(name.getKeyProperty("k"));
    } catch (MalformedObjectNameException e) {
      return false;
    }
  }
}
