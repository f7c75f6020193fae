package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.UnifiedCache;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.management.CacheStatisticsMXBean;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The average times of the statistics leave out the wait for a connection the first operation opens:
 * they measure the operations, not the connect. A {@link FaultyProxy} makes connecting slow and the
 * commands after it quick.
 */
class RedisStatisticsTimingTest {

  private static final long HOLD_MILLIS = 1_000;

  @AutoClose
  private static final RedisTestServer server = RedisTestServer.startOwn();
  @AutoClose
  private final Closer opened = new Closer();

  @ParameterizedTest
  @ValueSource(strings = {"redis", "near"})
  void theFirstGetIsTimedFromWhenItsConnectionWasReady(String backend) {
    FaultyProxy proxy = opened.add(FaultyProxy.inFrontOf(server.port()));
    proxy.holdNewConnections(Duration.ofMillis(HOLD_MILLIS));
    CacheManager manager = opened.add(RedisTestManagers.create(proxy.url(), "cache.backend", backend,
        "cache.redis.conn-timeout", "3s"));
    Cache<String, String> cache = manager.createCache("timed", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class).setStatisticsEnabled(true));

    long start = System.nanoTime();
    cache.get("k");
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    // The near cache opens a second connection, to track its keys, during its first read.
    assertTrue(waitedMillis >= HOLD_MILLIS, "the get waited only " + waitedMillis + " ms for its connection");
    CacheStatisticsMXBean statistics = cache.unwrap(UnifiedCache.class).statistics();
    assertEquals(1, statistics.getCacheGets());
    float averageMillis = statistics.getAverageGetTime() / 1_000f;
    assertTrue(averageMillis < HOLD_MILLIS / 4f, "the get took " + waitedMillis + " ms, of which "
        + averageMillis + " ms were counted");
  }
}
