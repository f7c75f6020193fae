package io.github.corebackend.cache.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.copy.Copier;
import io.github.corebackend.cache.copy.SerializingCopier;
import io.github.corebackend.cache.serial.CacheSerializationException;
import io.github.corebackend.cache.serial.JdkSerializer;
import io.github.corebackend.cache.spi.EntryExpiry;
import io.github.corebackend.cache.spi.EntryGuard;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.RecordingEvents;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.WriteOp;
import io.github.corebackend.cache.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@SuppressWarnings("JavaUtilDate") // Date: a mutable Serializable JDK type, what copies must handle
class MemoryStoreTest {

  private final ManualClock clock = new ManualClock();
  private final RecordingEvents<String, String> observer = new RecordingEvents<>();
  private final MemoryStore<String, String> store = new MemoryStore<>(0, Copier.IDENTITY, clock, observer);

  @Test
  void putCreatesThenUpdatesAndReturnsTheOldValueWhenAsked() {
    WriteOutcome<String> created = store.write("k", WriteOp.put("v1", true), Facts.UNOBSERVED_ETERNAL);
    WriteOutcome<String> updated = store.write("k", WriteOp.put("v2", true), Facts.UNOBSERVED_ETERNAL);

    assertEquals(WriteOutcome.Result.CREATED, created.result());
    assertEquals(WriteOutcome.Result.UPDATED, updated.result());
    assertEquals("v1", updated.oldValue());
    assertEquals("v2", store.get("k", Facts.UNOBSERVED_ETERNAL));
  }

  @Test
  void conditionalWritesFollowTheirConditions() {
    put("k", "v1");

    assertEquals(WriteOutcome.Result.UNCHANGED_PRESENT, write("k", WriteOp.putIfAbsent("x")).result());
    assertEquals(WriteOutcome.Result.UNCHANGED_ABSENT, write("other", WriteOp.replace("x", false)).result());
    assertEquals(WriteOutcome.Result.UNCHANGED_PRESENT, write("k", WriteOp.replaceIfEqual("nope", "x")).result());
    assertEquals(WriteOutcome.Result.UPDATED, write("k", WriteOp.replaceIfEqual("v1", "v2")).result());
    assertEquals(WriteOutcome.Result.UNCHANGED_PRESENT, write("k", WriteOp.removeIfEqual("v1")).result());
    assertEquals(WriteOutcome.Result.REMOVED, write("k", WriteOp.removeIfEqual("v2")).result());
    assertEquals(WriteOutcome.Result.UNCHANGED_ABSENT, write("k", WriteOp.remove(false)).result());
    assertFalse(store.containsKey("k"));
  }

  @Test
  void loadKeepsAnEntryThatAppearedMeanwhile() {
    put("k", "written");

    WriteOutcome<String> outcome = write("k", WriteOp.load("loaded"));

    assertEquals(WriteOutcome.Result.UNCHANGED_PRESENT, outcome.result());
    assertEquals("written", outcome.oldValue());
    assertEquals("written", store.get("k", Facts.UNOBSERVED_ETERNAL));
  }

  @Test
  void creationExpiryRemovesEntryAndReportsItOnNextAccess() {
    store.write("k", WriteOp.put("v", false), Facts.unobserved(FixedExpiry.created(100)));
    clock.advanceMillis(99);
    assertEquals("v", store.get("k", Facts.unobserved(FixedExpiry.created(100))));

    clock.advanceMillis(1);

    assertNull(store.get("k", Facts.unobserved(FixedExpiry.created(100))));
    assertFalse(store.containsKey("k"));
    assertEquals(List.of(Map.entry("k", "v")), observer.expired);
    assertEquals(0, store.size());
  }

  @Test
  void accessExpiryIsExtendedByEachRead() {
    EntryExpiry accessed = FixedExpiry.accessed(100);
    store.write("k", WriteOp.put("v", false), Facts.unobserved(accessed));
    for (int i = 0; i < 5; i++) {
      clock.advanceMillis(60);
      assertEquals("v", store.get("k", Facts.unobserved(accessed)), "read " + i);
    }
    clock.advanceMillis(100);
    assertNull(store.get("k", Facts.unobserved(accessed)));
  }

  @Test
  void zeroCreationExpiryStoresNothing() {
    WriteOutcome<String> outcome = store.write("k", WriteOp.put("v", false), Facts.unobserved(FixedExpiry.created(0)));

    assertEquals(WriteOutcome.Result.UNCHANGED_ABSENT, outcome.result());
    assertEquals(0, store.size());
  }

  @Test
  void updateWithUnchangedExpiryKeepsTheDeadline() {
    store.write("k", WriteOp.put("v1", false), Facts.unobserved(FixedExpiry.created(100)));
    clock.advanceMillis(80);
    store.write("k", WriteOp.put("v2", false), Facts.unobserved(FixedExpiry.created(100)));
    clock.advanceMillis(20);

    assertNull(store.get("k", Facts.UNOBSERVED_ETERNAL));
  }

  @Test
  void writingOverAnExpiredEntryReportsItAndCreatesAFreshOne() {
    store.write("k", WriteOp.put("old", false), Facts.unobserved(FixedExpiry.created(10)));
    clock.advanceMillis(10);

    WriteOutcome<String> outcome = write("k", WriteOp.put("new", true));

    assertEquals(WriteOutcome.Result.CREATED, outcome.result());
    assertEquals(List.of(Map.entry("k", "old")), observer.expired);
    assertEquals("new", store.get("k", Facts.UNOBSERVED_ETERNAL));
  }

  @Test
  void sweepRemovesOnlyExpiredEntries() {
    store.write("short", WriteOp.put("a", false), Facts.unobserved(FixedExpiry.created(10)));
    put("forever", "b");
    clock.advanceMillis(10);

    assertEquals(1, store.sweepExpired());

    assertEquals(1, store.size());
    assertEquals(List.of(Map.entry("short", "a")), observer.expired);
  }

  @Test
  void aGuardClosedWithoutCommitLeavesTheEntryUnchanged() {
    put("k", "v1");

    try (EntryGuard<String> guard = store.guard("k", "put", Facts.UNOBSERVED_ETERNAL)) {
      assertEquals("v1", guard.value());
      guard.put("v2", EntryExpiry.UNCHANGED);
    }

    assertEquals("v1", store.get("k", Facts.UNOBSERVED_ETERNAL));
    assertEquals(List.of("k:CREATED:null->v1"), observer.changed);
  }

  @Test
  void changesAreReportedWithOldValuesWhenTheFactsAskForThem() {
    Facts watched = new Facts(EntryExpiry.ETERNAL_ENTRIES, true, true);
    store.write("k", WriteOp.put("v1", false), watched);
    store.write("k", WriteOp.put("v2", false), watched);
    store.write("k", WriteOp.remove(false), watched);
    store.write("k", WriteOp.remove(false), watched);

    assertEquals(List.of("k:CREATED:null->v1", "k:UPDATED:v1->v2", "k:REMOVED:v2->null"), observer.changed);
  }

  @Test
  void iterationSkipsExpiredEntriesAndExtendsAccessExpiry() {
    EntryExpiry accessed = FixedExpiry.accessed(100);
    store.write("a", WriteOp.put("1", false), Facts.unobserved(accessed));
    store.write("b", WriteOp.put("2", false), Facts.unobserved(FixedExpiry.created(10)));
    clock.advanceMillis(50);

    List<String> keys = new ArrayList<>();
    store.iterator(Facts.unobserved(accessed)).forEachRemaining(entry -> keys.add(entry.getKey()));
    clock.advanceMillis(80);

    assertEquals(List.of("a"), keys);
    assertEquals("1", store.get("a", Facts.UNOBSERVED_ETERNAL), "the read during iteration extended it");
    assertEquals(1, observer.expired.size());
  }

  @Test
  void removeAllAndClearEmptyTheStore() {
    put("a", "1");
    put("b", "2");
    put("c", "3");

    store.removeAll(Set.of("a", "b"), Facts.UNOBSERVED_ETERNAL);
    assertEquals(Set.of("c"), keys());

    store.clear();
    assertEquals(0, store.size());
  }

  @Test
  void storeByValueNeverSharesMutableObjects() {
    MemoryStore<Date, Date> byValue = new MemoryStore<>(0,
        copier("dates"), clock,
        StoreEvents.none());
    Date key = new Date(1);
    Date value = new Date(2);
    byValue.write(key, WriteOp.put(value, false), Facts.UNOBSERVED_ETERNAL);
    key.setTime(100);
    value.setTime(200);

    Date read = byValue.get(new Date(1), Facts.UNOBSERVED_ETERNAL);
    assertEquals(new Date(2), read);
    read.setTime(300);
    assertEquals(new Date(2), byValue.get(new Date(1), Facts.UNOBSERVED_ETERNAL));
    assertNotSame(byValue.get(new Date(1), Facts.UNOBSERVED_ETERNAL),
        byValue.get(new Date(1), Facts.UNOBSERVED_ETERNAL));
  }

  @Test
  void storeByValueKeepsImmutableValuesAsTheyAre() {
    MemoryStore<String, String> byValue = new MemoryStore<>(0,
        copier("strings"), clock,
        StoreEvents.none());
    String value = new String("immutable");
    byValue.write("k", WriteOp.put(value, false), Facts.UNOBSERVED_ETERNAL);

    assertSame(value, byValue.get("k", Facts.UNOBSERVED_ETERNAL));
  }

  @Test
  void storeByValueRejectsNonSerializableValuesNamingTheCache() {
    MemoryStore<String, Object> byValue = new MemoryStore<>(0,
        copier("things"), clock,
        StoreEvents.none());

    CacheSerializationException e = assertThrows(CacheSerializationException.class, () -> byValue.write("k",
        WriteOp.put(new Object(), false), Facts.UNOBSERVED_ETERNAL));
    assertTrue(e.getMessage().contains("'things'"), e.getMessage());
    assertTrue(e.getMessage().contains("value of key k, of type java.lang.Object"), e.getMessage());
    assertFalse(byValue.containsKey("k"));
  }

  @Test
  void updateNeedsAnExistingEntryToKeepItsExpiry() {
    assertThrows(IllegalStateException.class, () -> store.compute("k", slot -> {
      slot.put("v", EntryExpiry.UNCHANGED);
      return null;
    }, Facts.UNOBSERVED_ETERNAL));
  }

  @Test
  void negativeBoundIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new MemoryStore<>(-1, Copier.IDENTITY, clock, StoreEvents.none()));
  }

  private void put(String key, String value) {
    write(key, WriteOp.put(value, false));
  }

  private WriteOutcome<String> write(String key, WriteOp<String> op) {
    return store.write(key, op, Facts.UNOBSERVED_ETERNAL);
  }

  private Set<String> keys() {
    Set<String> keys = new java.util.HashSet<>();
    Iterator<String> iterator = store.keyIterator();
    iterator.forEachRemaining(keys::add);
    return keys;
  }

  private SerializingCopier copier(String cacheName) {
    JdkSerializer serializer = JdkSerializer.trusted(getClass().getClassLoader());
    return new SerializingCopier(serializer, serializer, cacheName);
  }
}
