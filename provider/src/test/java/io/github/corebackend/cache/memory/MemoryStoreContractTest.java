package io.github.corebackend.cache.memory;

import io.github.corebackend.cache.copy.Copier;
import io.github.corebackend.cache.spi.RecordingEvents;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.StoreContract;
import io.github.corebackend.cache.spi.TimeSource;

/** The store contract on the memory store. */
class MemoryStoreContractTest extends StoreContract {

  @Override
  protected Store<String, String> newStore(RecordingEvents<String, String> events) {
    return new MemoryStore<>(0, Copier.IDENTITY, TimeSource.SYSTEM, events);
  }
}
