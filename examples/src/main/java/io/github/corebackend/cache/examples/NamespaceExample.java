package io.github.corebackend.cache.examples;

import java.io.PrintStream;
import java.net.URI;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * Two tenants on one Redis: each cache manager has its own namespace, which prefixes every key
 * ({@code tenant1:users:alice}), so the tenants never see or clear each other's entries even with
 * caches of the same name.
 *
 * <p>Redis is found at {@code CACHE_REDIS_URL} (default {@code redis://127.0.0.1:6379}).
 */
public final class NamespaceExample {

  private NamespaceExample() {}

  /** Runs the example against {@code CACHE_REDIS_URL}. */
  public static void main(String[] args) {
    String url = System.getenv().getOrDefault("CACHE_REDIS_URL", "redis://127.0.0.1:6379");
    String run = Long.toString(ProcessHandle.current().pid());
    run(System.out, url, "tenant1-" + run, "tenant2-" + run);
  }

  /** Runs the example against {@code redisUrl} with the two given namespaces. */
  public static void run(PrintStream out, String redisUrl, String tenant1, String tenant2) {
    CacheManager first = manager(redisUrl, tenant1);
    CacheManager second = manager(redisUrl, tenant2);
    Cache<String, String> users1 = first.createCache("users", new MutableConfiguration<>());
    Cache<String, String> users2 = second.createCache("users", new MutableConfiguration<>());

    users1.put("alice", "Alice of " + tenant1);
    users2.put("alice", "Alice of " + tenant2);
    out.println(tenant1 + " reads alice = " + users1.get("alice") + "  (Redis key " + tenant1 + ":users:alice)");
    out.println(tenant2 + " reads alice = " + users2.get("alice") + "  (Redis key " + tenant2 + ":users:alice)");

    users1.clear();
    out.println("after " + tenant1 + " clears its users cache:");
    out.println("  " + tenant1 + " reads alice = " + users1.get("alice"));
    out.println("  " + tenant2 + " reads alice = " + users2.get("alice"));

    second.destroyCache("users");
    first.close();
    second.close();
  }

  private static CacheManager manager(String redisUrl, String namespace) {
    Properties properties = new Properties();
    properties.setProperty("cache.backend", "redis");
    properties.setProperty("cache.redis.url", redisUrl);
    properties.setProperty("cache.namespace", namespace);
    return Caching.getCachingProvider().getCacheManager(URI.create("urn:example:" + namespace), null, properties);
  }
}
