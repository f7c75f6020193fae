package io.github.corebackend.cache.memory;

import io.github.corebackend.cache.spi.EntryExpiry;

/** Standard expiries for store tests. */
final class FixedExpiry {

  private FixedExpiry() {}

  static EntryExpiry created(long ttl) {
    return EntryExpiry.fixed(ttl, EntryExpiry.UNCHANGED, EntryExpiry.UNCHANGED);
  }

  static EntryExpiry accessed(long ttl) {
    return EntryExpiry.fixed(ttl, EntryExpiry.UNCHANGED, ttl);
  }
}
