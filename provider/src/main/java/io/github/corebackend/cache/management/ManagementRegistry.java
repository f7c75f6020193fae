package io.github.corebackend.cache.management;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.jspecify.annotations.Nullable;

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
 *
 * <p>The URI's replacement is not injective, and managers of one URI in two class loaders share it:
 * two caches can still meet on one name. A bean is registered only under a free name; a taken one is
 * a {@link CacheException} naming the cache, its manager and the name. A bean is unregistered only
 * by the cache that registered it, so a cache never takes away another's.
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

  /** The beans registered here, by name; guarded by the class's lock. */
  private static final Map<ObjectName, Object> REGISTERED = new HashMap<>();

  private ManagementRegistry() {}

  /** The name of a cache's bean of the given type. */
  public static ObjectName objectName(BeanType type, URI cacheManager, String cacheName) {
    String name = "javax.cache:type=" + type + ",CacheManager="
        + managerValue(cacheManager) + ",Cache=" + value(cacheName);
    try {
      return new ObjectName(name);
    } catch (MalformedObjectNameException e) {
      throw new CacheException("Cache '" + cacheName + "': cannot build the JMX name " + name, e);
    }
  }

  /**
   * Registers {@code bean} as the cache's bean of {@code type}; registering it again does nothing.
   *
   * @throws CacheException when another bean holds the name
   */
  public static void register(Object bean, BeanType type, URI cacheManager, String cacheName) {
    register(bean, objectName(type, cacheManager, cacheName), describe(type, cacheManager, cacheName),
        "most likely a cache of the same name in another cache manager whose URI gives the same name (it "
        + "differs only in ':', '=', ',' or newlines, or is the same URI in another class loader); rename one "
        + "of them, or turn its statistics and management off");
  }

  /** Unregisters {@code bean} if it is the cache's registered bean of {@code type}; otherwise does nothing. */
  public static void unregister(Object bean, BeanType type, URI cacheManager, String cacheName) {
    unregister(bean, objectName(type, cacheManager, cacheName), describe(type, cacheManager, cacheName));
  }

  /**
   * The name of a cache manager's health bean:
   * {@code io.github.corebackend.cache:type=Health,CacheManager=<manager>}, the manager as above.
   */
  public static ObjectName healthName(URI cacheManager) {
    String name = "io.github.corebackend.cache:type=Health,CacheManager=" + managerValue(cacheManager);
    try {
      return new ObjectName(name);
    } catch (MalformedObjectNameException e) {
      throw new CacheException("Cache manager " + cacheManager + ": cannot build the JMX name " + name, e);
    }
  }

  /**
   * Registers {@code bean} as the manager's health bean.
   *
   * @throws CacheException when another bean holds the name
   */
  public static void registerHealth(Object bean, URI cacheManager) {
    register(bean, healthName(cacheManager), "The health MXBean of cache manager " + cacheManager,
        "most likely another cache manager whose URI gives the same name (it differs only in ':', '=', ',' or "
        + "newlines, or is the same URI in another class loader); turn its management off");
  }

  /** Unregisters {@code bean} if it is the manager's registered health bean. */
  public static void unregisterHealth(Object bean, URI cacheManager) {
    unregister(bean, healthName(cacheManager), "The health MXBean of cache manager " + cacheManager);
  }

  private static synchronized void register(Object bean, ObjectName name, String described, String likelyHolder) {
    Object owner = REGISTERED.get(name);
    if (owner == bean) {
      return;
    }
    if (owner != null) {
      throw taken(described, name, likelyHolder, null);
    }
    try {
      server().registerMBean(bean, name);
    } catch (InstanceAlreadyExistsException e) {
      throw taken(described, name, likelyHolder, e); // by a provider in another class loader, or anyone
    } catch (JMException e) {
      throw new CacheException(described + ": cannot register it as " + name + " in the platform MBean server", e);
    }
    REGISTERED.put(name, bean);
  }

  private static synchronized void unregister(Object bean, ObjectName name, String described) {
    if (REGISTERED.get(name) != bean) {
      return; // not registered, or the name is another's
    }
    REGISTERED.remove(name);
    try {
      server().unregisterMBean(name);
    } catch (InstanceNotFoundException gone) {
      // someone unregistered it through the MBean server: the goal is met
    } catch (JMException e) {
      throw new CacheException(described + ": cannot unregister " + name + " from the platform MBean server", e);
    }
  }

  private static String managerValue(URI cacheManager) {
    return value(cacheManager.toString().replaceAll("[:=,\n]", "."));
  }

  private static String value(String raw) {
    return raw.chars().anyMatch(c -> NOT_UNQUOTED.indexOf(c) >= 0) ? ObjectName.quote(raw) : raw;
  }

  private static CacheException taken(String described, ObjectName name, String likelyHolder,
      @Nullable JMException cause) {
    return new CacheException(described + ": cannot be registered as " + name + ", which another bean holds: "
        + likelyHolder, cause);
  }

  private static String describe(BeanType type, URI cacheManager, String cacheName) {
    return "The " + type + " MXBean of cache '" + cacheName + "' of cache manager " + cacheManager;
  }

  private static MBeanServer server() {
    return ManagementFactory.getPlatformMBeanServer();
  }
}
