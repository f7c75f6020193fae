package io.github.corebackend.cache.memory;

import io.github.corebackend.cache.spi.EntryExpiry;

/** An {@link EntryExpiry} with given answers. */
record FixedExpiry(long ttlForCreation, long ttlForUpdate, long ttlForAccess) implements EntryExpiry {

  static FixedExpiry created(long ttl) {
    return new FixedExpiry(ttl, UNCHANGED, UNCHANGED);
  }

  static FixedExpiry accessed(long ttl) {
    return new FixedExpiry(ttl, UNCHANGED, ttl);
  }

  @Override
  public boolean isFixed() {
    return true;
  }
}
