package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.serial.CacheSerializationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A server whose {@code proto-max-bulk-len} is lower than a value drops the connection that sent it,
 * failing every caller sharing it. With {@code cache.redis.max-value-size} set to the server's limit,
 * the too-large value fails alone, before anything is sent.
 */
class ValueSizeLimitTest {

  @Test
  void aValueOverTheLimitFailsAloneWhileOtherCallersGoOn() throws Exception {
    try (RedisTestServer server = RedisTestServer.startOwn(RedisTestServer.freePort(),
            List.of("--proto-max-bulk-len", "1mb"));
        CacheManager manager = RedisTestManagers.create(server.url(), "cache.redis.max-value-size", "1mb",
            "cache.redis.pool-size", "1")) {
      Cache<String, byte[]> cache = manager.createCache("sized", new MutableConfiguration<String, byte[]>()
          .setTypes(String.class, byte[].class));
      ExecutorService others = Executors.newFixedThreadPool(2);
      AtomicInteger served = new AtomicInteger();
      try {
        List<Future<?>> load = List.of(others.submit(() -> readAndWrite(cache, "a", served)),
            others.submit(() -> readAndWrite(cache, "b", served)));

        for (int i = 0; i < 20; i++) {
          CacheSerializationException e = assertThrows(CacheSerializationException.class,
              () -> cache.put("big", new byte[2 << 20]));
          assertTrue(e.getMessage().contains("key big") && e.getMessage().contains("2097") // 2097152 + stream header
              && e.getMessage().contains("over the limit of " + ((1 << 20) - ValueCodec.HEADER)), e.getMessage());
          assertThrows(CacheSerializationException.class, () -> cache.putAll(Map.of("big", new byte[2 << 20])));
        }

        for (Future<?> caller : load) {
          caller.get(); // a caller sharing the connection saw no failure
        }
      } finally {
        others.shutdownNow();
      }
      assertTrue(served.get() >= 400, served + " operations of the other callers");
      assertEquals(null, cache.get("big"), "nothing was sent");
      cache.put("fits", new byte[(1 << 20) - 1_000]);
      assertEquals((1 << 20) - 1_000, cache.get("fits").length);
    }
  }

  private static void readAndWrite(Cache<String, byte[]> cache, String key, AtomicInteger served) {
    for (int i = 0; i < 200; i++) {
      cache.put(key, new byte[] {(byte) i});
      assertEquals((byte) i, cache.get(key)[0]);
      served.addAndGet(2);
    }
  }
}
