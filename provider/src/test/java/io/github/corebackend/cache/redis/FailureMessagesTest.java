package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.spi.CacheBackendException;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A failure names the JCache operation the caller made, whatever steps the backend took to carry it
 * out: an invoke is no "read", a near cache's get is no "getAll", connecting is part of the operation.
 */
class FailureMessagesTest {

  /** Nothing listens there: every operation fails connecting, at once. */
  private final String nowhere = "redis://127.0.0.1:" + RedisTestServer.freePort();

  @Test
  void aRedisCacheNamesEachOperation() {
    try (CacheManager manager = RedisTestManagers.create(nowhere)) {
      Cache<String, String> cache = manager.createCache("named", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class));

      assertNames("get of key k", () -> cache.get("k"));
      assertNames("getAll of 2 keys", () -> cache.getAll(Set.of("a", "b")));
      assertNames("put of key k", () -> cache.put("k", "v"));
      assertNames("getAndPut of key k", () -> cache.getAndPut("k", "v"));
      assertNames("putIfAbsent of key k", () -> cache.putIfAbsent("k", "v"));
      assertNames("getAndRemove of key k", () -> cache.getAndRemove("k"));
      assertNames("putAll of 2 keys", () -> cache.putAll(Map.of("a", "1", "b", "2")));
      assertNames("removeAll of 2 keys", () -> cache.removeAll(Set.of("a", "b")));
      assertNames("containsKey of key k", () -> cache.containsKey("k"));
      assertNames("invoke of key k", () -> cache.invoke("k", (entry, args) -> entry.getValue()));
      assertNames("iteration", () -> cache.iterator().hasNext());
      assertNames("key listing", cache::removeAll);
      assertNames("clear", cache::clear);
    }
  }

  @Test
  void anInvokeInACacheWithACustomExpiryIsNamedAsSuch() {
    try (CacheManager manager = RedisTestManagers.create(nowhere)) {
      Cache<String, String> cache = manager.createCache("custom", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class)
          .setExpiryPolicyFactory(FactoryBuilder.factoryOf(OneMinute.class)));

      assertNames("invoke of key k", () -> cache.invoke("k", (entry, args) -> entry.exists()));
      assertNames("replace of key k", () -> cache.replace("k", "v"));
    }
  }

  @Test
  void aWriteThroughIsNamedAfterTheWriteNotItsLock() {
    try (CacheManager manager = RedisTestManagers.create(nowhere)) {
      Cache<Object, Object> cache = manager.createCache("through", new MutableConfiguration<>()
          .setCacheWriterFactory(FactoryBuilder.factoryOf(RecordWriter.class)).setWriteThrough(true));

      assertNames("put of key k", () -> cache.put("k", "v"));
      assertNames("getAndRemove of key k", () -> cache.getAndRemove("k"));
      assertNames("invoke of key k", () -> cache.invoke("k", (entry, args) -> entry.exists()));
    }
  }

  @Test
  void aNearCacheNamesItsGetAsAGet() {
    try (CacheManager manager = RedisTestManagers.create(nowhere, "cache.backend", "near")) {
      Cache<String, String> cache = manager.createCache("near", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class));

      assertNames("get of key k", () -> cache.get("k"));
      assertNames("getAll of 2 keys", () -> cache.getAll(Set.of("a", "b")));
    }
  }

  /** An expiry policy none of the standard ones, which the store must run in the JVM. */
  public static final class OneMinute implements ExpiryPolicy {
    @Override
    public Duration getExpiryForCreation() {
      return Duration.ONE_MINUTE;
    }

    @Override
    public Duration getExpiryForAccess() {
      return null;
    }

    @Override
    public Duration getExpiryForUpdate() {
      return null;
    }
  }

  private static void assertNames(String operation, Executable call) {
    CacheBackendException e = assertThrows(CacheBackendException.class, call);
    assertTrue(e.getMessage().contains(operation + " failed"), e.getMessage());
  }
}
