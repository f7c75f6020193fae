package io.github.corebackend.cache.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.Concurrently;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link Store} must do, run against each backend's store by a subclass: the write
 * decision of {@link WriteKind} on every path a store may take (a decision in the store, a
 * compare-and-set in the JVM for a custom expiry, a guarded write), the reports of changes, bulk
 * operations, iteration, expiry, and atomicity under concurrent writers.
 */
public abstract class StoreContract {

  /** Facts of an eternal cache whose listeners want old values. */
  protected static final Facts WATCHED = new Facts(EntryExpiry.ETERNAL_ENTRIES, true, true);

  /** Eternal entries, like {@link EntryExpiry#ETERNAL_ENTRIES}, but asked at each operation. */
  private static final EntryExpiry CUSTOM_ETERNAL = new EntryExpiry() {
    @Override
    public long ttlForCreation() {
      return ETERNAL;
    }

    @Override
    public long ttlForUpdate() {
      return UNCHANGED;
    }

    @Override
    public long ttlForAccess() {
      return UNCHANGED;
    }

    @Override
    public boolean isFixed() {
      return false;
    }
  };

  protected final RecordingEvents<String, String> events = new RecordingEvents<>();
  protected Store<String, String> store;

  /** A new, empty store of the backend under test, reporting to {@code events}. */
  protected abstract Store<String, String> newStore(RecordingEvents<String, String> events);

  @BeforeEach
  void openStore() {
    store = newStore(events);
  }

  /** Releases what the backend's stores share, once the store is closed; nothing by default. */
  protected void releaseBackend() {}

  @AfterEach
  void closeStore() {
    try {
      store.clear();
      store.close();
    } finally {
      releaseBackend();
    }
  }

  /** How a write reaches the store. */
  enum Path {
    /** {@link Store#write} with a standard expiry: the store decides (a Redis script). */
    DECIDED_BY_STORE,
    /** {@link Store#write} with a custom expiry: decided in the JVM, applied atomically. */
    DECIDED_IN_JVM,
    /** Under {@link Store#guard}, as a write-through cache writes. */
    GUARDED
  }

  static Stream<Arguments> decisions() {
    List<Arguments> cases = new ArrayList<>();
    for (Path path : Path.values()) {
      for (WriteKind kind : WriteKind.values()) {
        for (EntryState state : EntryState.values()) {
          if (state != EntryState.OTHER || kind.isConditional()) {
            cases.add(Arguments.of(kind, state, path));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on an entry {1}, {2}")
  @MethodSource("decisions")
  void everyWriteFollowsTheDecisionTable(WriteKind kind, EntryState state, Path path) {
    if (state != EntryState.ABSENT) {
      store.write("k", WriteOp.put("old", false), WATCHED);
    }
    events.clear();
    WriteOp<String> op = opOf(kind, state == EntryState.OTHER ? "not old" : "old");
    WriteRule rule = kind.decide(state);

    WriteAction<String> action = new WriteAction<>(op, facts(path));
    WriteOutcome<String> outcome = run(path, op, action);

    WriteOutcome.Result expected = expectedResult(rule.change(), state);
    assertEquals(expected, outcome.result());
    String after = store.get("k", Facts.UNOBSERVED_ETERNAL);
    boolean stores = rule.change() == EntryChange.CREATE || rule.change() == EntryChange.UPDATE;
    assertEquals(stores ? "new" : rule.change() == EntryChange.REMOVE || state == EntryState.ABSENT ? null : "old",
        after);
    List<String> reported = expected == WriteOutcome.Result.CREATED ? List.of("k:CREATED:null->new")
        : expected == WriteOutcome.Result.UPDATED ? List.of("k:UPDATED:old->new")
        : expected == WriteOutcome.Result.REMOVED ? List.of("k:REMOVED:old->null") : List.of();
    assertEquals(reported, events.changed);
    if (kind == WriteKind.LOAD && state != EntryState.ABSENT) {
      assertEquals("old", outcome.oldValue(), "a load that finds an entry returns it");
    }
    if (path == Path.GUARDED) {
      assertEquals(rule.writer(), action.writerCall().kind());
    }
  }

  @ParameterizedTest
  @MethodSource("paths")
  void aCreationThatWouldExpireAtOnceStoresNothing(Path path) {
    Facts zero = Facts.unobserved(EntryExpiry.fixed(0, EntryExpiry.UNCHANGED, EntryExpiry.UNCHANGED));
    WriteOp<String> put = WriteOp.put("v", false);

    WriteOutcome<String> outcome = path == Path.GUARDED ? run(path, put, new WriteAction<>(put, zero))
        : store.write("k", put, zero);

    assertEquals(WriteOutcome.Result.UNCHANGED_ABSENT, outcome.result());
    assertFalse(store.containsKey("k"));
    assertEquals(List.of(), events.changed);
  }

  static Stream<Path> paths() {
    return Stream.of(Path.DECIDED_BY_STORE, Path.GUARDED);
  }

  @Test
  void readsFindOnlyWhatIsThere() {
    store.write("a", WriteOp.put("1", false), Facts.UNOBSERVED_ETERNAL);
    store.write("b", WriteOp.put("2", false), Facts.UNOBSERVED_ETERNAL);

    assertEquals("1", store.get("a", Facts.UNOBSERVED_ETERNAL));
    assertNull(store.get("missing", Facts.UNOBSERVED_ETERNAL));
    assertEquals(Map.of("a", "1", "b", "2"), store.getAll(List.of("a", "b", "missing"), Facts.UNOBSERVED_ETERNAL));
    assertTrue(store.containsKey("b"));
    assertFalse(store.containsKey("missing"));
  }

  @Test
  void bulkWritesCountAndReportEachEntry() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("a", "1");
    values.put("b", "2");
    values.put("c", "3");

    assertEquals(3, store.writeAll(values, WriteKind.PUT, WATCHED));
    assertEquals(2, store.removeAll(List.of("a", "b", "missing"), WATCHED));

    assertEquals(Set.of("a:CREATED:null->1", "b:CREATED:null->2", "c:CREATED:null->3", "a:REMOVED:1->null",
        "b:REMOVED:2->null"), Set.copyOf(events.changed));
    assertEquals(Set.of("c"), keys());
  }

  @Test
  void bulkLoadsKeepEntriesThatExistUnlessTheyReplace() {
    store.write("a", WriteOp.put("written", false), Facts.UNOBSERVED_ETERNAL);

    assertEquals(1, store.writeAll(Map.of("a", "loaded", "b", "loaded"), WriteKind.LOAD, Facts.UNOBSERVED_ETERNAL));
    assertEquals("written", store.get("a", Facts.UNOBSERVED_ETERNAL));
    assertEquals(1, store.writeAll(Map.of("a", "reloaded"), WriteKind.LOAD_REPLACING, Facts.UNOBSERVED_ETERNAL));
    assertEquals("reloaded", store.get("a", Facts.UNOBSERVED_ETERNAL));
  }

  @Test
  void iterationAndClearSeeEveryEntry() {
    for (int i = 0; i < 20; i++) {
      store.write("k" + i, WriteOp.put("v" + i, false), Facts.UNOBSERVED_ETERNAL);
    }
    Map<String, String> iterated = new LinkedHashMap<>();
    store.iterator(Facts.UNOBSERVED_ETERNAL).forEachRemaining(entry -> iterated.put(entry.getKey(), entry.getValue()));

    assertEquals(20, iterated.size());
    assertEquals("v7", iterated.get("k7"));
    assertEquals(20, keys().size());
    assertEquals(20, store.size());

    store.clear();
    assertEquals(0, store.size());
    assertNull(store.get("k7", Facts.UNOBSERVED_ETERNAL));
  }

  @Test
  void anExpiredEntryIsAbsentAndReportedOnce() throws InterruptedException {
    store.write("k", WriteOp.put("v", false), Facts.unobserved(EntryExpiry.fixed(150, EntryExpiry.UNCHANGED, EntryExpiry.UNCHANGED)));
    assertEquals("v", store.get("k", Facts.UNOBSERVED_ETERNAL));

    Thread.sleep(400);

    assertNull(store.get("k", WATCHED));
    assertNull(store.get("k", WATCHED));
    assertEquals(List.of(Map.entry("k", "v")), events.expired);
  }

  @Test
  void aGuardClosedWithoutCommitChangesNothing() {
    store.write("k", WriteOp.put("old", false), Facts.UNOBSERVED_ETERNAL);
    events.clear();

    try (EntryGuard<String> guard = store.guard("k", "put", WATCHED)) {
      assertEquals("old", guard.value());
      guard.remove();
    }

    assertEquals("old", store.get("k", Facts.UNOBSERVED_ETERNAL));
    assertEquals(List.of(), events.changed);
  }

  @Test
  void aGuardCommitsOntoWhatAWriterWithoutGuardLeft() {
    try (EntryGuard<String> guard = store.guard("k", "put", WATCHED)) {
      assertFalse(guard.exists());
      guard.put("guarded", EntryExpiry.ETERNAL);
      store.write("k", WriteOp.load("loaded"), WATCHED);

      WriteOutcome<String> outcome = guard.commit(true);

      assertEquals(WriteOutcome.Result.UPDATED, outcome.result());
      assertEquals("loaded", outcome.oldValue());
    }
    assertEquals("guarded", store.get("k", Facts.UNOBSERVED_ETERNAL));
  }

  @Test
  void concurrentComputesNeverLoseAnIncrement() throws Exception {
    Concurrently.run(4, Duration.ofMinutes(1), thread -> {
      for (int i = 0; i < 100; i++) {
        store.compute("counter", StoreContract::increment, Facts.UNOBSERVED_ETERNAL);
      }
    });

    assertEquals("400", store.get("counter", Facts.UNOBSERVED_ETERNAL));
  }

  @Test
  void guardsExcludeEachOtherSoNoIncrementIsLost() throws Exception {
    Concurrently.run(4, Duration.ofMinutes(1), thread -> {
      for (int i = 0; i < 50; i++) {
        try (EntryGuard<String> guard = store.guard("counter", "put", Facts.UNOBSERVED_ETERNAL)) {
          increment(guard);
          guard.commit(false);
        }
      }
    });

    assertEquals("200", store.get("counter", Facts.UNOBSERVED_ETERNAL));
  }

  private static Object increment(EntrySlot<String> slot) {
    String next = Integer.toString(slot.exists() ? Integer.parseInt(slot.value()) + 1 : 1);
    slot.put(next, slot.exists() ? EntryExpiry.UNCHANGED : EntryExpiry.ETERNAL);
    return next;
  }

  private WriteOutcome<String> run(Path path, WriteOp<String> op, WriteAction<String> action) {
    if (path != Path.GUARDED) {
      return store.write("k", op, facts(path));
    }
    try (EntryGuard<String> guard = store.guard("k", "put", WATCHED)) {
      action.apply(guard);
      return guard.commit(op.returnsOldValue());
    }
  }

  private static Facts facts(Path path) {
    return path == Path.DECIDED_IN_JVM ? new Facts(CUSTOM_ETERNAL, true, true) : WATCHED;
  }

  private static WriteOp<String> opOf(WriteKind kind, String expected) {
    switch (kind) {
      case PUT_IF_ABSENT:
        return WriteOp.putIfAbsent("new");
      case REPLACE:
        return WriteOp.replace("new", false);
      case REPLACE_IF_EQUAL:
        return WriteOp.replaceIfEqual(expected, "new");
      case REMOVE:
        return WriteOp.remove(false);
      case REMOVE_IF_EQUAL:
        return WriteOp.removeIfEqual(expected);
      default:
        return WriteOp.storing(kind, "new");
    }
  }

  private static WriteOutcome.Result expectedResult(EntryChange change, EntryState state) {
    switch (change) {
      case CREATE:
        return WriteOutcome.Result.CREATED;
      case UPDATE:
        return WriteOutcome.Result.UPDATED;
      case REMOVE:
        return WriteOutcome.Result.REMOVED;
      default:
        return state == EntryState.ABSENT ? WriteOutcome.Result.UNCHANGED_ABSENT
            : WriteOutcome.Result.UNCHANGED_PRESENT;
    }
  }

  private Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    store.keyIterator().forEachRemaining(keys::add);
    return keys;
  }
}
