package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.spi.CacheBackendException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every step of connecting is bounded by the configured timeouts: the TCP connect, the TLS handshake
 * and Redis's handshake by {@code cache.redis.conn-timeout}, the loading of the scripts by the read and
 * write timeouts, and the near cache's tracking connection likewise. A {@link FaultyProxy} in front
 * of a server of the test's own plays the faulty network.
 */
class RedisConnectTimeoutTest {

  /** What a loaded machine may add to a timeout before the failure reaches the caller. */
  private static final long MARGIN_MILLIS = 1_500;

  @AutoClose
  private static final RedisTestServer server = RedisTestServer.startOwn();
  @AutoClose
  private final Closer opened = new Closer();

  @Test
  void aServerThatAcceptsButNeverAnswersFailsTheFirstCallWithinTheConnectTimeout() throws Exception {
    FaultyProxy proxy = proxy();
    proxy.blackhole();
    Cache<String, String> cache = cache(proxy.url(), "silent", "cache.redis.conn-timeout", "1s");

    long millis = failureMillis(() -> cache.get("k"), "Cache 'silent'", "127.0.0.1:" + proxy.port());

    assertTrue(millis < 1_000 + MARGIN_MILLIS, "the first call failed after " + millis + " ms");
    proxy.forward();
    assertRecovers(cache);
  }

  @Test
  void tlsToAServerThatDoesNotSpeakItFailsEachCallWithinTheConnectTimeout() throws Exception {
    FaultyProxy proxy = proxy();
    Cache<String, String> plain = cache("rediss://127.0.0.1:" + server.port(), "plain", "cache.redis.conn-timeout",
        "1s");
    Cache<String, String> silent = cache("rediss://127.0.0.1:" + proxy.port(), "silent",
        "cache.redis.conn-timeout", "1s");
    proxy.blackhole();

    for (int call = 0; call < 2; call++) {
      long toPlain = failureMillis(() -> plain.get("k"), "Cache 'plain'");
      long toSilent = failureMillis(() -> silent.put("k", "v"), "Cache 'silent'");
      assertTrue(toPlain < 1_000 + MARGIN_MILLIS, "call " + call + " to a plain port failed after " + toPlain + " ms");
      assertTrue(toSilent < 1_000 + MARGIN_MILLIS, "call " + call + " to a silent port failed after " + toSilent
          + " ms");
    }
  }

  @Test
  void aTcpConnectThatGetsNoAnswerFailsWithinTheConnectTimeout() throws Exception {
    FaultyProxy proxy = proxy();
    proxy.refuseHandshakes();
    Cache<String, String> cache = cache(proxy.url(), "unanswered", "cache.redis.conn-timeout", "700ms");

    long millis = failureMillis(() -> cache.get("k"), "Cache 'unanswered'");

    assertTrue(millis < 700 + MARGIN_MILLIS, "the first call failed after " + millis + " ms");
    proxy.forward();
    assertRecovers(cache);
  }

  @Test
  void loadingTheScriptsIsBoundedByTheCommandTimeoutAndASlowServerIsStillUsed() throws Exception {
    FaultyProxy proxy = proxy();
    // Slow enough for the scripts' replies to miss the 500 ms command timeout, not for the handshake
    // to miss the connect timeout of 4 s.
    proxy.delay(Duration.ofMillis(800));
    Cache<String, String> cache = cache(proxy.url(), "slow", "cache.redis.conn-timeout", "4s",
        "cache.redis.read-timeout", "300ms", "cache.redis.write-timeout", "200ms");

    CacheBackendException e = assertThrows(CacheBackendException.class, () -> cache.get("k"));

    assertTrue(e.getMessage().contains("within 500 ms"), e.getMessage());
    proxy.delay(Duration.ofMillis(100));
    assertRecovers(cache);
  }

  @Test
  void theNearCachesTrackingConnectionIsBoundedByTheConnectTimeoutToo() throws Exception {
    FaultyProxy proxy = proxy();
    Cache<String, String> cache = cache(proxy.url(), "near", "cache.backend", "near", "cache.redis.conn-timeout",
        "1s");
    cache.put("k", "v");
    // The commands' connection is open; only the tracking connection, opened on the first read, is not.
    proxy.blackholeNewConnections();

    long start = System.nanoTime();
    assertEquals("v", cache.get("k"));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertTrue(millis < 1_000 + MARGIN_MILLIS, "the read waited " + millis + " ms for the tracking connection");
  }

  private FaultyProxy proxy() {
    FaultyProxy proxy = FaultyProxy.inFrontOf(server.port());
    opened.add(proxy);
    return proxy;
  }

  private Cache<String, String> cache(String url, String name, String... settings) {
    CacheManager manager = RedisTestManagers.create(url, settings);
    opened.add(manager); // closed before the proxies
    return manager.createCache(name, new MutableConfiguration<>());
  }

  /** Runs {@code call}, which must fail with a message holding {@code expected}; returns how long it took. */
  static long failureMillis(Executable call, String... expected) {
    long start = System.nanoTime();
    CacheBackendException e = assertThrows(CacheBackendException.class, call);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    for (String part : expected) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
    return millis;
  }

  static void assertRecovers(Cache<String, String> cache) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      try {
        cache.put("k", "back");
        assertEquals("back", cache.get("k"));
        return;
      } catch (CacheBackendException stillFailing) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("The cache did not recover", stillFailing);
        }
        Thread.sleep(100);
      }
    }
  }
}
