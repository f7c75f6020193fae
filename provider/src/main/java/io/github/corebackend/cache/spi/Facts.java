package io.github.corebackend.cache.spi;

import java.util.Objects;

/**
 * What a store must know of the cache to run one of its operations, handed down as data so that the
 * store never asks the cache anything.
 *
 * @param expiry the expiry that follows from the operation
 * @param observed whether entry listeners watch the cache: the store then reports every change in
 *     per-key order (see {@link StoreEvents}) and tells creations from updates, which a remote store
 *     may otherwise skip
 * @param oldValues whether reported updates and removals must carry the previous value
 */
public record Facts(EntryExpiry expiry, boolean observed, boolean oldValues) {

  /** Facts of eternal entries that nobody watches, for stores used internally. */
  public static final Facts UNOBSERVED_ETERNAL = unobserved(EntryExpiry.ETERNAL_ENTRIES);

  /** Creates the facts. */
  public Facts {
    Objects.requireNonNull(expiry, "expiry");
  }

  /** Facts of an operation that no listener watches. */
  public static Facts unobserved(EntryExpiry expiry) {
    return new Facts(expiry, false, false);
  }
}
