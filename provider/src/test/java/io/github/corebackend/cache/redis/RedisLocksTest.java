package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.spi.CacheBackendException;
import io.github.corebackend.cache.spi.EntryExpiry;
import io.github.corebackend.cache.spi.EntryGuard;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.SharedResources;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.StoreContexts;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.WriteOp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The locks of guarded writes, between two stores with connections of their own (two JVMs): one
 * waits for the other's commit, a lock lapses after its lease, and a commit after the lease fails.
 */
class RedisLocksTest {

  private final String namespace = "locks-" + UUID.randomUUID();
  private final List<SharedResources> jvms = new ArrayList<>();

  @AfterEach
  void closeJvms() {
    jvms.forEach(SharedResources::close);
  }

  @Test
  void aGuardWaitsForAnotherJvmsGuardOfTheSameKeyToCommit() throws Exception {
    Store<String, String> first = store("30s");
    Store<String, String> second = store("30s");
    CompletableFuture<String> seenBySecond;
    try (EntryGuard<String> held = first.guard("k", "put", Facts.UNOBSERVED_ETERNAL)) {
      held.put("from first", EntryExpiry.ETERNAL);
      seenBySecond = CompletableFuture.supplyAsync(() -> {
        try (EntryGuard<String> waiting = second.guard("k", "put", Facts.UNOBSERVED_ETERNAL)) {
          return waiting.value();
        }
      });
      Thread.sleep(200);
      assertFalse(seenBySecond.isDone(), "the second guard waits while the first holds the key");
      held.commit(false);
    }
    assertEquals("from first", seenBySecond.get(5, TimeUnit.SECONDS), "and then reads what it committed");
  }

  @Test
  void aLockLapsesAfterItsLeaseAndALateCommitFailsAndDropsTheEntry() {
    Store<String, String> dying = store("300ms");
    Store<String, String> other = store("300ms");
    dying.write("k", WriteOp.put("before", false), Facts.UNOBSERVED_ETERNAL);
    EntryGuard<String> abandoned = dying.guard("k", "put", Facts.UNOBSERVED_ETERNAL);
    abandoned.put("late", EntryExpiry.UNCHANGED);

    long start = System.nanoTime();
    try (EntryGuard<String> next = other.guard("k", "put", Facts.UNOBSERVED_ETERNAL)) {
      assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200),
          "the lock was held until its lease ran out");
      next.put("after", EntryExpiry.UNCHANGED);
      next.commit(false);
    }
    CacheBackendException late = assertThrows(CacheBackendException.class, () -> abandoned.commit(false));

    assertTrue(late.getMessage().contains("Cache 'contract'"), late.getMessage());
    assertTrue(late.getMessage().contains("key k"), late.getMessage());
    assertTrue(late.getMessage().contains("cache.redis.lock-lease") && late.getMessage().contains("put of key k"),
        late.getMessage());
    assertNull(other.get("k", Facts.UNOBSERVED_ETERNAL), "the entry is dropped, not left as either writer's");
  }

  private Store<String, String> store(String lease) {
    SharedResources jvm = new SharedResources();
    jvms.add(jvm);
    return new RedisStoreProvider().create(StoreContexts.of(StoreEvents.none(), jvm, "cache.backend", "redis",
        "cache.redis.url", RedisTestServer.shared().url(), "cache.namespace", namespace,
        "cache.redis.lock-lease", lease));
  }
}
