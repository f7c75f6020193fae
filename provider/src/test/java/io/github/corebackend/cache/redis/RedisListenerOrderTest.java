package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.ChainCheckingListener;
import io.github.corebackend.cache.Concurrently;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/** On the redis backend too, a key's events reach a listener in the order the changes happened. */
class RedisListenerOrderTest {

  @Test
  void synchronousListenersSeeEachKeysChangesInOrderUnderConcurrentWriters() throws Exception {
    ChainCheckingListener.reset();
    try (CacheManager manager = RedisTestManagers.create(RedisTestServer.shared().url(),
        "cache.redis.pool-size", "4")) {
      Cache<Integer, Long> cache = manager.createCache("ordered", new MutableConfiguration<Integer, Long>()
          .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
              FactoryBuilder.factoryOf(ChainCheckingListener.class), null, true, true)));
      AtomicLong values = new AtomicLong();
      Concurrently.run(8, Duration.ofMinutes(2), thread -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 1_500; i++) {
          int key = random.nextInt(3);
          if (random.nextInt(10) == 0) {
            cache.remove(key);
          } else {
            cache.put(key, values.incrementAndGet());
          }
        }
      });

      List<String> breaks = ChainCheckingListener.breaks;
      assertTrue(breaks.isEmpty(), breaks.size() + " events arrived out of order, first: "
          + breaks.subList(0, Math.min(5, breaks.size())));
      for (int key = 0; key < 3; key++) {
        assertEquals(cache.get(key), ChainCheckingListener.last.get(key), "last event of key " + key);
      }
      manager.destroyCache("ordered");
    }
  }
}
