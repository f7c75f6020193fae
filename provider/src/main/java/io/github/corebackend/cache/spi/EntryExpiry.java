package io.github.corebackend.cache.spi;

/**
 * How long an entry lives after it is created, updated or read, as a store sees it.
 *
 * <p>Each method returns a time-to-live in milliseconds: {@code 0} means the entry expires at once,
 * {@link #ETERNAL} means it never expires and {@link #UNCHANGED} (updates and reads only) means the
 * entry keeps the expiry it has. A store calls the method that matches what it did, inside its atomic
 * step, so the create-versus-update decision and the expiry that follows from it cannot disagree.
 */
public interface EntryExpiry {

  /** The time-to-live of an entry that never expires. */
  long ETERNAL = Long.MAX_VALUE;

  /** Leave the entry's current expiry as it is. */
  long UNCHANGED = -1L;

  /** Entries live forever and reads and updates never change that. */
  EntryExpiry ETERNAL_ENTRIES = fixed(ETERNAL, UNCHANGED, UNCHANGED);

  /** Time-to-live of a newly created entry: {@code 0} or more, or {@link #ETERNAL}. */
  long ttlForCreation();

  /** Time-to-live after an update: {@code 0} or more, {@link #ETERNAL} or {@link #UNCHANGED}. */
  long ttlForUpdate();

  /** Time-to-live after a read: {@code 0} or more, {@link #ETERNAL} or {@link #UNCHANGED}. */
  long ttlForAccess();

  /**
   * Whether every call returns the same answer and has no side effect, so that a remote store may
   * ask all three questions up front and send the answers along with the operation.
   */
  boolean isFixed();

  /** An expiry whose answers never change (see {@link #isFixed()}). */
  static EntryExpiry fixed(long ttlForCreation, long ttlForUpdate, long ttlForAccess) {
    return new Fixed(ttlForCreation, ttlForUpdate, ttlForAccess);
  }

  /**
   * An expiry with the same answers every time.
   *
   * @param ttlForCreation the time-to-live of a creation
   * @param ttlForUpdate the time-to-live after an update
   * @param ttlForAccess the time-to-live after a read
   */
  record Fixed(long ttlForCreation, long ttlForUpdate, long ttlForAccess) implements EntryExpiry {
    @Override
    public boolean isFixed() {
      return true;
    }
  }

  /** The absolute expiry time of an entry given a time-to-live, saturating at {@link #ETERNAL}. */
  static long deadline(long now, long ttl) {
    if (ttl == ETERNAL) {
      return ETERNAL;
    }
    long deadline = now + ttl;
    return deadline < now ? ETERNAL : deadline;
  }
}
