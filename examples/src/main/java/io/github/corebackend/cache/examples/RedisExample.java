package io.github.corebackend.cache.examples;

import java.io.PrintStream;
import java.net.URI;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.spi.CachingProvider;

/**
 * The same JCache code as {@link BasicExample}, with entries in Redis: only the configuration
 * differs. Two cache managers with their own connections stand for two JVMs sharing the cache.
 *
 * <p>Redis is found at {@code CACHE_REDIS_URL} (default {@code redis://127.0.0.1:6379}).
 */
public final class RedisExample {

  private RedisExample() {}

  /** Runs the example against {@code CACHE_REDIS_URL}. */
  public static void main(String[] args) throws Exception {
    String url = System.getenv().getOrDefault("CACHE_REDIS_URL", "redis://127.0.0.1:6379");
    run(System.out, url, "example-" + ProcessHandle.current().pid());
  }

  /** Runs the example against {@code redisUrl}, keeping its keys under {@code namespace}. */
  public static void run(PrintStream out, String redisUrl, String namespace) throws InterruptedException {
    CachingProvider provider = Caching.getCachingProvider();
    CacheManager jvm1 = provider.getCacheManager(URI.create("urn:example:jvm1"), null, settings(redisUrl, namespace));
    CacheManager jvm2 = provider.getCacheManager(URI.create("urn:example:jvm2"), null, settings(redisUrl, namespace));
    MutableConfiguration<String, Long> configuration = new MutableConfiguration<String, Long>()
        .setTypes(String.class, Long.class)
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 30)));
    Cache<String, Long> views1 = jvm1.createCache("page-views", configuration);
    Cache<String, Long> views2 = jvm2.createCache("page-views", configuration);
    out.println("backend: redis at " + redisUrl.replaceAll("://[^@/]*@", "://***@") + ", namespace " + namespace);

    views1.put("/home", 1L);
    out.println("jvm1 put /home = 1; jvm2 reads /home = " + views2.get("/home"));

    for (int i = 0; i < 10; i++) {
      Cache<String, Long> either = i % 2 == 0 ? views1 : views2;
      either.invoke("/home", (entry, arguments) -> {
        entry.setValue(entry.getValue() + 1);
        return null;
      });
    }
    out.println("after 10 increments through invoke from both JVMs: /home = " + views1.get("/home"));

    out.println("jvm2 putIfAbsent /home -> " + views2.putIfAbsent("/home", 0L));
    out.println("jvm2 remove /home -> " + views2.remove("/home") + "; jvm1 reads /home = " + views1.get("/home"));

    jvm1.destroyCache("page-views");
    jvm1.close();
    jvm2.close();
  }

  private static Properties settings(String redisUrl, String namespace) {
    Properties properties = new Properties();
    properties.setProperty("cache.backend", "redis");
    properties.setProperty("cache.redis.url", redisUrl);
    properties.setProperty("cache.namespace", namespace);
    return properties;
  }
}
