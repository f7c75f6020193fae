package io.github.corebackend.cache.examples;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.spi.CachingProvider;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The provider through the standard {@code javax.cache} API only, on the embedded memory backend:
 * a cache with a time-to-live, basic operations, a typed cache, and the statistics JMX shows.
 */
public final class BasicExample {

  private BasicExample() {}

  /** Runs the example and prints what happens. */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}. */
  public static void run(PrintStream out) throws InterruptedException, JMException {
    CachingProvider provider = Caching.getCachingProvider();
    CacheManager manager = provider.getCacheManager();
    out.println("Provider: " + provider.getClass().getName());

    MutableConfiguration<String, String> withTtl = new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 500)))
        .setStatisticsEnabled(true);
    Cache<String, String> sessions = manager.createCache("sessions", withTtl);

    sessions.put("session:42", "alice");
    out.println("get session:42 = " + sessions.get("session:42"));
    out.println("get session:7 = " + sessions.get("session:7"));
    out.println("putIfAbsent session:42 -> " + sessions.putIfAbsent("session:42", "mallory"));
    sessions.put("session:43", "bob");
    out.println("remove session:43 -> " + sessions.remove("session:43"));
    Thread.sleep(600);
    out.println("after 600 ms, session:42 = " + sessions.get("session:42") + " (its 500 ms time-to-live ran out)");

    Cache<Integer, String> users = manager.createCache("users",
        new MutableConfiguration<Integer, String>().setTypes(Integer.class, String.class));
    users.put(1, "Alice");
    out.println("typed cache users[1] = " + users.get(1));
    try {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Cache<Object, Object> untyped = (Cache) users;
      untyped.put("one", "Alice");
    } catch (ClassCastException e) {
      out.println("typed cache refuses a String key: " + e.getMessage());
    }

    printStatistics(out, manager, "sessions");
    manager.close();
  }

  private static void printStatistics(PrintStream out, CacheManager manager, String cacheName) throws JMException {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName("javax.cache:type=CacheStatistics,CacheManager="
        + manager.getURI().toString().replaceAll("[:=,\n]", ".") + ",Cache=" + cacheName);
    out.printf("statistics of '%s': gets=%d hits=%d misses=%d puts=%d removals=%d hit%%=%.1f%n", cacheName,
        (Long) server.getAttribute(name, "CacheGets"), (Long) server.getAttribute(name, "CacheHits"),
        (Long) server.getAttribute(name, "CacheMisses"), (Long) server.getAttribute(name, "CachePuts"),
        (Long) server.getAttribute(name, "CacheRemovals"), (Float) server.getAttribute(name, "CacheHitPercentage"));
  }
}
