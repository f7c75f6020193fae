package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.spi.RecordingEvents;
import io.github.corebackend.cache.spi.SharedResources;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.StoreContexts;
import io.github.corebackend.cache.spi.StoreContract;

/** The store contract on the redis store, against a real server. */
class RedisStoreContractTest extends StoreContract {

  private final SharedResources resources = new SharedResources();

  @Override
  protected Store<String, String> newStore(RecordingEvents<String, String> events) {
    return new RedisStoreProvider().create(StoreContexts.of(events, resources, "cache.backend", "redis",
        "cache.redis.url", RedisTestServer.shared().url()));
  }

  @Override
  protected void releaseBackend() {
    resources.close();
  }
}
