package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Callers of one backend share its connection attempt, and none waits behind another's for longer
 * than its own timeout; attempts that fail, or that finish after the manager closed, leave no
 * connection and no client thread behind.
 */
class RedisConnectAttemptTest {

  private static final long MARGIN_MILLIS = 1_500;

  @AutoClose
  private static final RedisTestServer server = RedisTestServer.startOwn();
  @AutoClose
  private final Closer opened = new Closer();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void callersArrivingDuringAnAttemptShareItAndEachFailsWithinItsOwnTimeout() throws Exception {
    FaultyProxy proxy = proxy();
    proxy.blackhole();
    // An operation that must connect first may take the connect timeout plus the command timeout: 2 s.
    Cache<String, String> cache = manager(proxy.url(), "cache.redis.conn-timeout", "1s",
        "cache.redis.read-timeout", "500ms", "cache.redis.write-timeout", "500ms")
        .createCache("crowded", new MutableConfiguration<>());

    List<Future<Long>> callers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      callers.add(threads.submit(() -> RedisConnectTimeoutTest.failureMillis(() -> cache.get("k"),
          "Cache 'crowded'")));
      Thread.sleep(100);
    }

    for (Future<Long> caller : callers) {
      long millis = caller.get(30, TimeUnit.SECONDS);
      assertTrue(millis < 2_000 + MARGIN_MILLIS, "a caller waited " + millis + " ms");
    }
    assertTrue(proxy.accepted() <= 4, "one attempt (of the pool's two connections) served the callers that "
        + "came during it, perhaps a second the last ones; connections accepted: " + proxy.accepted());
  }

  @Test
  void nearCachesOfAManagerShareOneTrackingAttempt() throws Exception {
    FaultyProxy proxy = proxy();
    CacheManager manager = manager(proxy.url(), "cache.backend", "near", "cache.redis.conn-timeout", "1s");
    List<Cache<String, String>> caches = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Cache<String, String> cache = manager.createCache("near-" + i, new MutableConfiguration<>());
      cache.put("k", "v" + i);
      caches.add(cache);
    }
    proxy.blackholeNewConnections(); // the commands' connection is open, the tracking one is not

    List<Future<Long>> readers = new ArrayList<>();
    for (Cache<String, String> cache : caches) {
      readers.add(threads.submit(() -> {
        long start = System.nanoTime();
        assertTrue(cache.get("k").startsWith("v"));
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }));
    }

    for (Future<Long> reader : readers) {
      long millis = reader.get(30, TimeUnit.SECONDS);
      assertTrue(millis < 1_000 + MARGIN_MILLIS, "a read waited " + millis + " ms for tracking");
    }
  }

  @Test
  void closingTheManagerDuringAnAttemptNeitherWaitsForItNorLeavesItsConnectionOpen() throws Exception {
    FaultyProxy proxy = proxy();
    // Slow, but fast enough for the attempt to succeed after the manager closed.
    proxy.delay(Duration.ofMillis(700));
    Set<Thread> before = clientThreads();
    CacheManager manager = manager(proxy.url(), "cache.redis.conn-timeout", "5s", "cache.redis.read-timeout",
        "2s", "cache.redis.write-timeout", "1s");
    Cache<String, String> cache = manager.createCache("closing", new MutableConfiguration<>());
    Future<Throwable> caller = threads.submit(() -> {
      try {
        cache.get("k");
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    awaitTrue(() -> proxy.accepted() > 0, "the attempt connects");

    long start = System.nanoTime();
    manager.close();
    long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertTrue(closeMillis < 1_000, "closing waited " + closeMillis + " ms for the attempt");
    Throwable failure = caller.get(5, TimeUnit.SECONDS);
    assertTrue(failure instanceof CacheException || failure instanceof IllegalStateException,
        "the caller learns that the manager closed: " + failure);
    awaitTrue(() -> proxy.accepted() >= 2 && proxy.open() == 0, "the late connections are closed");
    awaitNoNewClientThreads(before);
  }

  @Test
  void failedAttemptsLeaveNoConnectionAndNoClientThreadBehind() throws Exception {
    FaultyProxy proxy = proxy();
    proxy.blackhole();
    Set<Thread> before = clientThreads();
    Cache<String, String> cache = manager(proxy.url(), "cache.redis.conn-timeout", "500ms")
        .createCache("failing", new MutableConfiguration<>());

    for (int i = 0; i < 4; i++) {
      RedisConnectTimeoutTest.failureMillis(() -> cache.get("k"), "Cache 'failing'");
    }

    assertEquals(8, proxy.accepted(), "four attempts of two connections each");
    awaitTrue(() -> proxy.open() == 0, "every connection of a failed attempt is closed");
    awaitNoNewClientThreads(before);
  }

  private FaultyProxy proxy() {
    FaultyProxy proxy = FaultyProxy.inFrontOf(server.port());
    opened.add(proxy);
    return proxy;
  }

  private CacheManager manager(String url, String... settings) {
    CacheManager manager = RedisTestManagers.create(url, settings);
    opened.add(manager);
    return manager;
  }

  /** The threads of Lettuce clients and of connection attempts alive now. */
  private static Set<Thread> clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("lettuce-") || thread.getName().startsWith("redis-connect"))
        .collect(Collectors.toSet());
  }

  private static void awaitNoNewClientThreads(Set<Thread> before) throws InterruptedException {
    Map<String, Thread> left = new ConcurrentHashMap<>();
    awaitTrue(() -> {
      left.clear();
      clientThreads().stream().filter(thread -> !before.contains(thread))
          .forEach(thread -> left.put(thread.getName(), thread));
      return left.isEmpty();
    }, "no client thread outlives its attempt");
    assertEquals(Map.of(), left);
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within 10 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
