package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.UnifiedCacheManager;
import io.github.corebackend.cache.health.BackendHealth;
import io.github.corebackend.cache.health.HealthStatus;
import io.github.corebackend.cache.health.ManagerHealth;
import io.github.corebackend.cache.management.ManagementRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The manager's health check against a real Redis that stops and comes back: down within the read
 * timeout, with the reason, and up again; a near cache's invalidations reported; the check in JMX.
 */
class RedisHealthTest {

  @AutoClose
  final Closer closer = new Closer();

  private final RedisTestServer server = closer.add(RedisTestServer.startOwn());

  @Test
  void redisIsDownWithinTheReadTimeoutWhileStoppedAndUpAgainAfter() {
    UnifiedCacheManager manager = closer.add(RedisTestManagers.create(server.url())).unwrap(UnifiedCacheManager.class);
    // The first check opens the connection, which a fresh JVM on a loaded machine may take long to do.
    BackendHealth up = awaitStatus(manager, HealthStatus.UP);
    assertEquals(HealthStatus.UP, up.status(), up.toString());
    assertEquals("redis", up.backend());
    assertEquals("127.0.0.1:" + server.port(), up.address());
    assertNotNull(up.latency(), "the PING is timed");

    server.kill();
    long start = System.nanoTime();
    BackendHealth down = only(manager.health());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(HealthStatus.DOWN, down.status(), down.toString());
    assertTrue(down.reason().startsWith("PING failed: "), down.reason());
    assertNull(down.latency());
    assertTrue(took.compareTo(Duration.ofMillis(1_000 + 750)) < 0, "the read timeout is 1 s; took " + took);

    server.restart();
    assertEquals(HealthStatus.UP, awaitStatus(manager, HealthStatus.UP).status());
  }

  @Test
  void aNearCachesInvalidationsAreReported() {
    UnifiedCacheManager manager = closer.add(RedisTestManagers.create(server.url(), "cache.backend", "near"))
        .unwrap(UnifiedCacheManager.class);
    assertEquals("not started", only(manager.health()).details().get("invalidations"), "no near cache read yet");

    Cache<String, String> cache = manager.createCache("near", new MutableConfiguration<String, String>());
    cache.get("k"); // the first read starts the tracking
    BackendHealth flowing = only(manager.health());
    assertEquals(HealthStatus.UP, flowing.status(), flowing.toString());
    assertEquals("near", flowing.backend());
    assertEquals("flowing", flowing.details().get("invalidations"));

    server.kill();
    BackendHealth lost = awaitInvalidations(manager, "lost");
    assertEquals(HealthStatus.DOWN, lost.status(), lost.toString());
    assertEquals("lost", lost.details().get("invalidations"), lost.toString());

    server.restart();
    BackendHealth back = awaitStatus(manager, HealthStatus.UP);
    assertEquals("flowing", back.details().get("invalidations"), "tracking on again after the reconnection");
  }

  @Test
  void eachDeploymentIsCheckedOnceAndMemoryCachesToo() {
    RedisTestServer other = closer.add(RedisTestServer.startOwn());
    UnifiedCacheManager manager = closer.add(RedisTestManagers.create(server.url(),
        "cache.backend.local", "memory", "cache.redis.url.elsewhere", other.url()))
        .unwrap(UnifiedCacheManager.class);
    manager.createCache("a", new MutableConfiguration<>());
    manager.createCache("b", new MutableConfiguration<>());
    manager.createCache("local", new MutableConfiguration<>());
    manager.createCache("elsewhere", new MutableConfiguration<>());

    List<String> checked = manager.health().backends().stream().map(b -> b.backend() + " " + b.address()).toList();
    assertEquals(3, checked.size(), checked.toString());
    assertEquals(Set.of("redis 127.0.0.1:" + server.port(), "memory ", "redis 127.0.0.1:" + other.port()),
        Set.copyOf(checked));
  }

  @Test
  void theCheckIsInJmxWithManagementOn() throws Exception {
    CacheManager manager = closer.add(RedisTestManagers.create(server.url(), "cache.management", "true"));
    ObjectName name = ManagementRegistry.healthName(manager.getURI());
    MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    assertEquals("UP", mbeans.getAttribute(name, "Status"));
    String[] backends = (String[]) mbeans.getAttribute(name, "Backends");
    assertTrue(backends[0].startsWith("redis 127.0.0.1:" + server.port() + " UP ("), backends[0]);

    server.kill();
    assertEquals("DOWN", mbeans.getAttribute(name, "Status"));
    manager.close();
    assertFalse(mbeans.isRegistered(name), "unregistered with the manager");
  }

  private static BackendHealth only(ManagerHealth health) {
    assertEquals(1, health.backends().size(), health.toString());
    return health.backends().get(0);
  }

  /** The connection-state events arrive on Lettuce's threads, a moment after the server went. */
  private static BackendHealth awaitInvalidations(UnifiedCacheManager manager, String wanted) {
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    BackendHealth last;
    do {
      last = only(manager.health());
    } while (!wanted.equals(last.details().get("invalidations")) && System.nanoTime() < giveUpAt);
    return last;
  }

  private static BackendHealth awaitStatus(UnifiedCacheManager manager, HealthStatus wanted) {
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    BackendHealth last;
    do {
      last = only(manager.health());
    } while (last.status() != wanted && System.nanoTime() < giveUpAt);
    return last;
  }
}
