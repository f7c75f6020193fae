package io.github.corebackend.cache.spi;

/** What a write does to the entry it decided on. */
public enum EntryChange {
  /** Leaves the entry as it is. */
  KEEP,
  /** Stores a new entry, with the expiry of a creation. */
  CREATE,
  /** Gives the live entry a new value, with the expiry of an update. */
  UPDATE,
  /** Removes the live entry. */
  REMOVE,
  /** Leaves the value, applying the expiry of an access (a conditional write whose condition failed). */
  TOUCH
}
