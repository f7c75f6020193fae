package io.github.corebackend.cache.near;

import io.github.corebackend.cache.redis.RedisTestServer;
import io.github.corebackend.cache.spi.RecordingEvents;
import io.github.corebackend.cache.spi.SharedResources;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.StoreContexts;
import io.github.corebackend.cache.spi.StoreContract;

/** The store contract on the near store: memory in front of a real Redis server. */
class NearStoreContractTest extends StoreContract {

  private final SharedResources resources = new SharedResources();

  @Override
  protected Store<String, String> newStore(RecordingEvents<String, String> events) {
    return new NearStoreProvider().create(StoreContexts.of(events, resources, "cache.backend", "near",
        "cache.redis.url", RedisTestServer.shared().url()));
  }

  @Override
  protected void releaseBackend() {
    resources.close();
  }
}
