package io.github.corebackend.cache.management;

import java.lang.management.ManagementFactory;
import java.net.URI;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers cache MXBeans in the platform MBean server under the names JCache tools compute:
 * {@code javax.cache:type=CacheConfiguration|CacheStatistics,CacheManager=<uri>,Cache=<name>}, with
 * {@code :}, {@code =}, {@code ,} and newlines in the values replaced by {@code .}. The names are
 * never quoted: a quoted value is another ObjectName, which Micrometer and the TCK would not find.
 */
public final class ManagementRegistry {

  /** The two kinds of cache MXBean. */
  public enum BeanType {
    /** {@link javax.cache.management.CacheMXBean}. */
    CacheConfiguration,
    /** {@link javax.cache.management.CacheStatisticsMXBean}. */
    CacheStatistics
  }

  private ManagementRegistry() {}

  /** The name of a cache's bean of the given type. */
  public static ObjectName objectName(BeanType type, URI cacheManager, String cacheName) {
    String name = "javax.cache:type=" + type + ",CacheManager=" + safe(cacheManager.toString())
        + ",Cache=" + safe(cacheName);
    try {
      return new ObjectName(name);
    } catch (MalformedObjectNameException e) {
      throw new CacheException("Cache '" + cacheName + "': cannot build the JMX name " + name, e);
    }
  }

  /** Registers {@code bean}, unless a bean is already registered under that name. */
  public static void register(Object bean, ObjectName name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      if (!server.isRegistered(name)) {
        server.registerMBean(bean, name);
      }
    } catch (InstanceAlreadyExistsException raced) {
      // registered meanwhile by another thread: the goal is met
    } catch (JMException e) {
      throw new CacheException("Cannot register " + name + " in the platform MBean server", e);
    }
  }

  /** Unregisters the bean under {@code name}, if any. */
  public static void unregister(ObjectName name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (InstanceNotFoundException raced) {
      // unregistered meanwhile: the goal is met
    } catch (JMException e) {
      throw new CacheException("Cannot unregister " + name + " from the platform MBean server", e);
    }
  }

  private static String safe(String value) {
    return value.replaceAll("[:=,\n]", ".");
  }
}
