package io.github.corebackend.cache.examples;

import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;

/**
 * A cache manager configured by a properties file its URI names
 * ({@code classpath:example-cache.properties}): caches the file declares appear on first request with
 * their own settings, and caches created at run time with a bare configuration (as Hibernate creates
 * its regions) take the file's defaults.
 */
public final class ConfigFileExample {

  /** The manager's URI: it names the configuration file. */
  public static final URI CONFIG = URI.create("classpath:example-cache.properties");

  private ConfigFileExample() {}

  /** Runs the example and prints what happens. */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}. */
  public static void run(PrintStream out) throws InterruptedException {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(CONFIG,
        ConfigFileExample.class.getClassLoader());

    Cache<String, String> products = manager.getCache("products");
    for (int i = 1; i <= 5; i++) {
      products.put("product:" + i, "item " + i);
    }
    out.println("products holds " + count(products) + " of 5 entries (cache.memory.max-items.products=3)");

    Cache<String, String> sessions = manager.getCache("sessions");
    sessions.put("session:42", "alice");
    Thread.sleep(600);
    out.println("after 600 ms, session:42 = " + sessions.get("session:42")
        + " (cache.default-ttl.sessions=500ms)");

    Cache<Object, Object> region = manager.createCache("com.example.Order", new MutableConfiguration<>());
    @SuppressWarnings("unchecked") // the API types the class literal raw
    CompleteConfiguration<Object, Object> configuration = region.getConfiguration(CompleteConfiguration.class);
    Duration ttl = configuration.getExpiryPolicyFactory().create().getExpiryForCreation();
    out.println("a region created at run time: statistics " + configuration.isStatisticsEnabled() + ", expiry "
        + ttl.getDurationAmount() + " " + ttl.getTimeUnit().name().toLowerCase() + " (the file's defaults)");
    out.println("a cache the file does not declare: " + manager.getCache("undeclared"));
    manager.close();
  }

  private static int count(Cache<?, ?> cache) {
    AtomicInteger entries = new AtomicInteger();
    cache.forEach(entry -> entries.incrementAndGet());
    return entries.get();
  }
}
