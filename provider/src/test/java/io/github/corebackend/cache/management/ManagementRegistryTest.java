package io.github.corebackend.cache.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URI;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class ManagementRegistryTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @Test
  void namesFollowTheJcacheConventionWithUnsafeCharactersReplaced() throws Exception {
    ObjectName name = ManagementRegistry.objectName(ManagementRegistry.BeanType.CacheStatistics,
        URI.create("urn:app:cache"), "users,by=id:v2\nx");

    assertEquals(new ObjectName("javax.cache:type=CacheStatistics,CacheManager=urn.app.cache,Cache=users.by.id.v2.x"),
        name);
    assertEquals("urn.app.cache", name.getKeyProperty("CacheManager"));
    assertEquals("users.by.id.v2.x", name.getKeyProperty("Cache"));
  }

  @Test
  void registersOnceAndUnregistersIdempotently() throws Exception {
    ObjectName name = ManagementRegistry.objectName(ManagementRegistry.BeanType.CacheStatistics,
        URI.create("registry-test"), "counted");
    CacheStatisticsBean bean = new CacheStatisticsBean();
    bean.recordHits(3);

    ManagementRegistry.register(bean, name);
    ManagementRegistry.register(new CacheStatisticsBean(), name);
    assertEquals(3L, server.getAttribute(name, "CacheHits"));

    ManagementRegistry.unregister(name);
    ManagementRegistry.unregister(name);
    assertFalse(server.isRegistered(name));
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
}
