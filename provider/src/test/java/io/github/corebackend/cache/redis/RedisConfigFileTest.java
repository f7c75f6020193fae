package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.UnifiedCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration file puts one declared cache in Redis, as JSON, and keeps another in memory. */
class RedisConfigFileTest {

  private static final RedisTestServer SERVER = RedisTestServer.shared();

  @TempDir
  Path directory;

  @Test
  void aDeclaredCacheTakesItsBackendAndSerializerFromTheFile() throws IOException {
    String namespace = "file-" + UUID.randomUUID();
    Path file = directory.resolve("cache.properties");
    Files.writeString(file, String.join("\n",
        "cache.redis.url=" + SERVER.url(),
        "cache.namespace=" + namespace,
        "cache.backend.sessions=redis",
        "cache.serializer.sessions=json",
        "cache.default-ttl.sessions=30m",
        "cache.memory.max-items.local=10"), StandardCharsets.UTF_8);
    CacheManager manager = Caching.getCachingProvider().getCacheManager(file.toUri(), null);
    try {
      Cache<String, Object> sessions = manager.getCache("sessions");
      Cache<String, Object> local = manager.getCache("local");

      sessions.put("s1", List.of("cart", 3L));
      local.put("l1", "here");

      String stored = SERVER.command("GET", namespace + ":sessions:s1");
      assertTrue(stored.endsWith("[\"java.util.ImmutableCollections$List12\",[\"cart\",[\"java.lang.Long\",3]]]"),
          stored);
      long ttl = Long.parseLong(SERVER.command("PTTL", namespace + ":sessions:s1").substring(1));
      assertTrue(ttl > 29 * 60_000L, "the file's TTL reached Redis: " + ttl);
      assertEquals(List.of("cart", 3L), sessions.get("s1"));
      assertEquals(":0", SERVER.command("EXISTS", namespace + ":local:l1"), "local stays in memory");
      assertEquals(1, local.unwrap(UnifiedCache.class).size());
    } finally {
      manager.getCacheNames().forEach(manager::destroyCache);
      manager.close();
    }
  }
}
