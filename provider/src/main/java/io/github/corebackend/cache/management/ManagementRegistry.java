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
 * Registers cache MXBeans in the platform MBean server as
 * {@code javax.cache:type=CacheConfiguration|CacheStatistics,CacheManager=<manager>,Cache=<cache>}.
 *
 * <p>{@code <manager>} is the manager's URI with {@code :}, {@code =}, {@code ,} and newlines replaced
 * by {@code .}, as the TCK and Micrometer compute it. {@code <cache>} is the cache name as it is when
 * ObjectName takes it unquoted, that is when it holds none of {@code , = : " * ?} and newline (an
 * empty name, spaces and backslashes included), so that tools building the name from the cache name
 * find the bean; any other name is quoted with {@link ObjectName#quote}. Quoting is injective and a
 * quoted value starts with {@code "}, which no unquoted value holds: two caches of one manager never
 * get one name, and no name is a pattern. A manager value that still holds {@code " * ?} after the
 * replacement is quoted too.
 */
public final class ManagementRegistry {

  /** The two kinds of cache MXBean. */
  public enum BeanType {
    /** {@link javax.cache.management.CacheMXBean}. */
    CacheConfiguration,
    /** {@link javax.cache.management.CacheStatisticsMXBean}. */
    CacheStatistics
  }

  /** What ObjectName refuses in an unquoted value, or reads as a pattern there. */
  private static final String NOT_UNQUOTED = ",=:\"*?\n";

  private ManagementRegistry() {}

  /** The name of a cache's bean of the given type. */
  public static ObjectName objectName(BeanType type, URI cacheManager, String cacheName) {
    String name = "javax.cache:type=" + type + ",CacheManager="
        + value(cacheManager.toString().replaceAll("[:=,\n]", ".")) + ",Cache=" + value(cacheName);
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

  private static String value(String raw) {
    return raw.chars().anyMatch(c -> NOT_UNQUOTED.indexOf(c) >= 0) ? ObjectName.quote(raw) : raw;
  }
}
