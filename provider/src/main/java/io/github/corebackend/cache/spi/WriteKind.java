package io.github.corebackend.cache.spi;

import static io.github.corebackend.cache.spi.WriterCall.Kind.DELETE;
import static io.github.corebackend.cache.spi.WriterCall.Kind.NONE;
import static io.github.corebackend.cache.spi.WriterCall.Kind.WRITE;

import java.util.Locale;

/**
 * The single-key writes a cache asks of a store, and the write decision: for each kind and each
 * {@link EntryState}, the change the store makes and the call the cache makes to its writer.
 *
 * <p>This table is the only description of the decision. Stores that decide in the JVM apply it
 * through {@link WriteAction}; the Redis scripts receive it rendered as a Lua table, so the two
 * cannot drift apart. A creation whose time-to-live is zero stores nothing (the entry would expire
 * at once), in every store.
 */
@SuppressWarnings("ImmutableEnumChecker") // WriteRule is a record of two enums: immutable
public enum WriteKind {
  //                 entry absent      present (and matching)  present, not the expected value
  /** Create or update. */
  PUT(               creates(WRITE),   updates(WRITE),         updates(WRITE)),
  /** Create only when absent. */
  PUT_IF_ABSENT(     creates(WRITE),   keeps(NONE),            keeps(NONE)),
  /** Update only when present. */
  REPLACE(           keeps(NONE),      updates(WRITE),         updates(WRITE)),
  /** Update only when equal to the expected value; a mismatch counts as a read. */
  REPLACE_IF_EQUAL(  keeps(NONE),      updates(WRITE),         touches(NONE)),
  /** Remove; JCache deletes through even when the cache holds no entry. */
  REMOVE(            keeps(DELETE),    removes(DELETE),        removes(DELETE)),
  /** Remove only when equal to the expected value; a mismatch counts as a read. */
  REMOVE_IF_EQUAL(   keeps(NONE),      removes(DELETE),        touches(NONE)),
  /** Keep a loaded value unless an entry appeared meanwhile; loads are never written through. */
  LOAD(              creates(NONE),    keeps(NONE),            keeps(NONE)),
  /** Keep a loaded value over any entry. */
  LOAD_REPLACING(    creates(NONE),    updates(NONE),          updates(NONE));

  private final WriteRule absent;
  private final WriteRule matching;
  private final WriteRule other;

  WriteKind(WriteRule absent, WriteRule matching, WriteRule other) {
    this.absent = absent;
    this.matching = matching;
    this.other = other;
  }

  private static WriteRule creates(WriterCall.Kind writer) {
    return new WriteRule(EntryChange.CREATE, writer);
  }

  private static WriteRule updates(WriterCall.Kind writer) {
    return new WriteRule(EntryChange.UPDATE, writer);
  }

  private static WriteRule removes(WriterCall.Kind writer) {
    return new WriteRule(EntryChange.REMOVE, writer);
  }

  private static WriteRule touches(WriterCall.Kind writer) {
    return new WriteRule(EntryChange.TOUCH, writer);
  }

  private static WriteRule keeps(WriterCall.Kind writer) {
    return new WriteRule(EntryChange.KEEP, writer);
  }

  /** The rule for an entry found in {@code state}. */
  public WriteRule decide(EntryState state) {
    switch (state) {
      case ABSENT:
        return absent;
      case MATCHING:
        return matching;
      default:
        return other;
    }
  }

  /** Whether the write compares the entry with an expected value. */
  public boolean isConditional() {
    return this == REPLACE_IF_EQUAL || this == REMOVE_IF_EQUAL;
  }

  /** Whether some state makes this write call the writer. */
  public boolean writesThrough() {
    return absent.writer() != NONE || matching.writer() != NONE || other.writer() != NONE;
  }

  /** The name scripts know the kind by, e.g. {@code put_if_absent}. */
  public String scriptName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
