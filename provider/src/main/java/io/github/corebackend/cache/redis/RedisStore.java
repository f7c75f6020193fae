package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.CacheBackendException;
import io.github.corebackend.cache.redis.RedisConnection.RedisFailure;
import io.github.corebackend.cache.redis.RedisConnection.ScriptCall;
import io.github.corebackend.cache.redis.RedisConnection.TimedValues;
import io.github.corebackend.cache.store.EntryAction;
import io.github.corebackend.cache.store.EntryExpiry;
import io.github.corebackend.cache.store.StoreObserver;
import io.github.corebackend.cache.store.WriteHooks;
import io.github.corebackend.cache.store.WriteOp;
import io.github.corebackend.cache.store.WriteOutcome;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Entries in Redis, one key per entry, with native expiry. Each single-key operation is one round
 * trip: one EVALSHA of a script that decides create-versus-update, applies the matching expiry and
 * returns what the cache needs (outcome, old value, any value found expired). Bulk operations are one
 * script call per cluster slot group, pipelined. Work that must run in the JVM (an entry processor, a
 * cache writer, an expiry policy other than the five standard ones) reads, decides and writes back
 * with compare-and-set, retrying when another writer got there first: atomic across JVMs.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
final class RedisStore<K, V> implements TrackedStore<K, V> {

  private static final int SCAN_BATCH = 500;
  private static final int MAX_CAS_ATTEMPTS = 1_000;
  private static final byte[] NONE = new byte[0];
  private static final byte[] ONE = bytes("1");
  private static final byte[] ZERO = bytes("0");
  private static final byte[] KEEP_EXPIRY = bytes("-1");

  private final String cacheName;
  private final RedisBackend backend;
  private final KeyCodec<K> keys;
  private final ValueCodec<V> values;
  private final StoreObserver<K, V> observer;
  private final KeyStripes stripes = new KeyStripes(64);

  RedisStore(String cacheName, RedisBackend backend, KeyCodec<K> keys, ValueCodec<V> values,
      StoreObserver<K, V> observer) {
    this.cacheName = cacheName;
    this.backend = backend;
    this.keys = keys;
    this.values = values;
    this.observer = observer;
  }

  @Override
  public V get(K key, EntryExpiry expiry) {
    List<Found<K, V>> hits = read("get", List.of(key), expiry);
    if (hits.isEmpty()) {
      return null;
    }
    Found<K, V> hit = hits.get(0);
    touchAfterRead(hit, expiry);
    return hit.value;
  }

  @Override
  public Map<K, V> getAll(Collection<? extends K> requested, EntryExpiry expiry) {
    Map<K, V> found = new LinkedHashMap<>();
    for (Found<K, V> hit : read("getAll", new ArrayList<>(requested), expiry)) {
      touchAfterRead(hit, expiry);
      found.put(hit.key, hit.value);
    }
    return found;
  }

  @Override
  public Map<K, Timed<V>> getAllTimed(Collection<? extends K> requested, EntryExpiry expiry) {
    Map<K, Timed<V>> found = new LinkedHashMap<>();
    for (Found<K, V> hit : read("getAll", new ArrayList<>(requested), expiry)) {
      touchAfterRead(hit, expiry);
      found.put(hit.key, new Timed<>(hit.value, hit.lifetime));
    }
    return found;
  }

  @Override
  public AutoCloseable track(Changes<K> changes) {
    try {
      return backend.tracker().track(keys.prefix(), listenerOf(changes));
    } catch (RedisFailure e) {
      throw backend.failure(cacheName, "tracking keys", e);
    }
  }

  private KeyTracker.Listener listenerOf(Changes<K> changes) {
    return new KeyTracker.Listener() {
      @Override
      public void invalidated(byte[] redisKey) {
        K key;
        try {
          key = keys.decode(redisKey);
        } catch (RuntimeException unreadable) {
          changes.reset(); // a key this cache cannot read: forgetting everything is always safe
          return;
        }
        changes.changed(key);
      }

      @Override
      public void reset() {
        changes.reset();
      }
    };
  }

  @Override
  public long trackingGeneration() {
    return backend.tracker().generation();
  }

  @Override
  public boolean containsKey(K key) {
    List<Object> reply = evalOne("containsKey", key, RedisScript.EXISTS, keys.encode(key));
    return (Long) reply.get(0) == 1L;
  }

  @Override
  public <R> R compute(K key, EntryAction<V, R> action) {
    byte[] redisKey = keys.encode(key);
    return inOrder(redisKey, () -> compareAndSet(key, redisKey, action));
  }

  private <R> R compareAndSet(K key, byte[] redisKey, EntryAction<V, R> action) {
    List<List<byte[]>> group = List.of(List.of(redisKey));
    for (int attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      TimedValues read = readPlainly("read", List.of(key), group, true).get(0);
      byte[] stored = read.values().get(0);
      boolean expired = stored != null && isExpired(stored, read.serverMillis());
      RedisSlot<V> slot = new RedisSlot<>(values, key, stored == null || expired ? null : stored);
      R result = action.apply(slot);
      if (slot.action() == null && !expired) {
        action.onCommit(result);
        return result;
      }
      String command = slot.action() == null ? "drop" : slot.action();
      List<Object> applied = evalOne("compare-and-set", key, RedisScript.CAS, redisKey,
          stored == null ? NONE : stored, bytes(command), slot.payload(), ttlArgument(slot.ttl()));
      if ((Long) applied.get(0) == 1L) {
        if (expired) {
          reportExpired(key, stored);
        }
        action.onCommit(result);
        return result;
      }
      backOff(attempt);
    }
    throw new CacheBackendException("Cache '" + cacheName + "': gave up updating key " + key + " after "
        + MAX_CAS_ATTEMPTS + " attempts; other writers kept changing it", null);
  }

  @Override
  public WriteOutcome<V> write(K key, WriteOp<V> op, EntryExpiry expiry, WriteHooks<K, V> hooks) {
    if (!runsAsScript(expiry, hooks)) {
      return TrackedStore.super.write(key, op, expiry, hooks);
    }
    if (storesPlainly(op.kind(), op.returnsOldValue(), expiry, hooks)) {
      byte[] redisKey = keys.encode(key);
      storePlainly(op.kind().name().toLowerCase(Locale.ROOT), List.of(key),
          List.of(List.of(redisKey)), List.of(List.of(values.encodeEternal(key, op.value()))));
      WriteOutcome<V> outcome = storedPlainly(op.value());
      hooks.afterCommit(key, outcome);
      return outcome;
    }
    boolean wantOld = op.returnsOldValue() || hooks.needsOldValue();
    List<byte[]> args = writeArguments(op.kind(), expiry, wantOld);
    args.add(op.value() == null ? NONE : values.encode(key, op.value()));
    args.add(op.expected() == null ? NONE : values.encode(key, op.expected()));
    byte[] redisKey = keys.encode(key);
    return inOrder(redisKey, () -> {
      List<Object> reply = evalOne(op.kind().name().toLowerCase(Locale.ROOT), key, RedisScript.WRITE,
          List.of(redisKey), args);
      WriteOutcome<V> outcome = outcomeOf(key, op.value(), reply, 0);
      hooks.afterCommit(key, outcome);
      return outcome;
    });
  }

  @Override
  public void writeAll(Map<? extends K, ? extends V> entries, WriteOp.Kind kind, EntryExpiry expiry,
      WriteHooks<K, V> hooks) {
    if (!runsAsScript(expiry, hooks)) {
      TrackedStore.super.writeAll(entries, kind, expiry, hooks);
      return;
    }
    writeInSlotGroups(kind, new LinkedHashMap<>(entries), expiry, hooks);
  }

  @Override
  public void removeAll(Collection<? extends K> toRemove, WriteHooks<K, V> hooks) {
    if (hooks.writesThrough()) {
      TrackedStore.super.removeAll(toRemove, hooks);
      return;
    }
    Map<K, V> removals = new LinkedHashMap<>();
    toRemove.forEach(key -> removals.put(key, null));
    writeInSlotGroups(WriteOp.Kind.REMOVE, removals, EntryExpiry.ETERNAL_ENTRIES, hooks);
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator(EntryExpiry expiry) {
    return new BatchIterator<>(batch -> read("iterate", decodeKeys(batch), expiry), hit -> {
      // A custom expiry policy is asked once per entry handed out, as for a get.
      touchAfterRead(hit, expiry);
      return new AbstractMap.SimpleImmutableEntry<>(hit.key, hit.value);
    });
  }

  @Override
  public Iterator<K> keyIterator() {
    return new BatchIterator<>(batch -> read("iterate", decodeKeys(batch), EntryExpiry.ETERNAL_ENTRIES),
        hit -> hit.key);
  }

  @Override
  public void clear() {
    try {
      RedisConnection redis = backend.connection();
      Iterator<List<byte[]>> batches = redis.scan(keys.pattern(), SCAN_BATCH);
      while (batches.hasNext()) {
        redis.unlink(batches.next());
      }
    } catch (RedisFailure e) {
      throw backend.failure(cacheName, "clear", e);
    }
  }

  @Override
  public long size() {
    try {
      long count = 0;
      Iterator<List<byte[]>> batches = backend.connection().scan(keys.pattern(), SCAN_BATCH);
      while (batches.hasNext()) {
        count += batches.next().size();
      }
      return count;
    } catch (RedisFailure e) {
      throw backend.failure(cacheName, "size", e);
    }
  }

  @Override
  public void close() {
    // The connection belongs to the manager's backend, and the entries to Redis.
  }

  /** The standard expiry policies and no write-through: the scripts can decide everything. */
  private static boolean runsAsScript(EntryExpiry expiry, WriteHooks<?, ?> hooks) {
    return expiry.isFixed() && !hooks.writesThrough();
  }

  /**
   * Whether a write can be a plain MSET: a put into an eternal cache that nobody needs the previous
   * state of (no old value, no listener to tell created from updated, no expired entry to report,
   * since eternal entries never expire), so the script's read-and-decide step has nothing to decide.
   */
  private boolean storesPlainly(WriteOp.Kind kind, boolean returnsOldValue, EntryExpiry expiry,
      WriteHooks<K, V> hooks) {
    return kind == WriteOp.Kind.PUT && !returnsOldValue && !hooks.needsOldValue()
        && !observer.publishesEvents() && writesEternal(expiry);
  }

  /** Whether the policy only ever makes entries that never expire (those of an eternal cache). */
  private static boolean writesEternal(EntryExpiry expiry) {
    return expiry.isFixed() && expiry.ttlForCreation() == EntryExpiry.ETERNAL
        && keepsEternal(expiry.ttlForUpdate()) && keepsEternal(expiry.ttlForAccess());
  }

  private static boolean keepsEternal(long ttl) {
    return ttl == EntryExpiry.ETERNAL || ttl == EntryExpiry.UNCHANGED;
  }

  /**
   * The outcome of a plain store, which cannot tell a create from an update; only the put count of
   * the statistics reads it, and it counts both alike.
   */
  private static <V> WriteOutcome<V> storedPlainly(V value) {
    return WriteOutcome.updated(null, value);
  }

  /** Whether reads leave the expiry alone, so that plain MGETs with the server's clock can serve them. */
  private static boolean readsPlainly(EntryExpiry expiry) {
    return !expiry.isFixed() || expiry.ttlForAccess() == EntryExpiry.UNCHANGED;
  }

  /**
   * Whether a value read plainly is live: before its deadline by the clock read with it or, without
   * a clock, eternal. Bytes without a header count as live so that decoding reports them as corrupt.
   */
  private static boolean certainlyLive(byte[] stored, TimedValues reply) {
    long deadline = ValueCodec.deadlineOf(stored);
    return deadline < 0 || (reply.hasClock() ? deadline > reply.serverMillis() : deadline == ValueCodec.ETERNAL);
  }

  /** How long a value read plainly has left by the clock read with it. */
  private static long lifetimeOf(byte[] stored, TimedValues reply) {
    long deadline = ValueCodec.deadlineOf(stored);
    if (deadline == ValueCodec.ETERNAL) {
      return EntryExpiry.ETERNAL;
    }
    return reply.hasClock() ? deadline - reply.serverMillis() : UNKNOWN_LIFETIME;
  }

  private static boolean isExpired(byte[] stored, long serverMillis) {
    long deadline = ValueCodec.deadlineOf(stored);
    return deadline >= 0 && deadline <= serverMillis;
  }

  /**
   * Reads {@code requested}, one round trip for all slot groups, applying a standard policy's access
   * expiry; returns the live entries. Entries found expired, or with an expiry that the reply cannot
   * judge, go through the read script, which removes expired ones and has the last word.
   */
  private List<Found<K, V>> read(String operation, List<K> requested, EntryExpiry expiry) {
    if (requested.isEmpty()) {
      return new ArrayList<>();
    }
    SlotGroups<K> groups = groupBySlot(requested);
    return inOrder(groups, () -> {
      if (!readsPlainly(expiry)) {
        return readByScript(operation, requested, groups, accessArgument(expiry));
      }
      List<TimedValues> replies = readPlainly(operation, requested, groups.redisKeys,
          !writesEternal(expiry));
      List<Found<K, V>> found = new ArrayList<>();
      List<K> undecided = new ArrayList<>();
      for (int g = 0; g < replies.size(); g++) {
        List<K> groupKeys = groups.keys.get(g);
        TimedValues reply = replies.get(g);
        for (int i = 0; i < groupKeys.size(); i++) {
          byte[] stored = reply.values().get(i);
          if (stored == null) {
            continue;
          }
          K key = groupKeys.get(i);
          if (certainlyLive(stored, reply)) {
            found.add(new Found<>(key, values.decode(stored, key), stored, lifetimeOf(stored, reply)));
          } else {
            undecided.add(key);
          }
        }
      }
      if (!undecided.isEmpty()) {
        found.addAll(readByScript(operation, undecided, groupBySlot(undecided), KEEP_EXPIRY));
      }
      return found;
    });
  }

  /** Reads with one script call per slot group, which removes and reports expired entries. */
  private List<Found<K, V>> readByScript(String operation, List<K> requested, SlotGroups<K> groups,
      byte[] accessTtl) {
    List<byte[]> args = List.of(accessTtl, ONE);
    List<List<Object>> replies = eval(operation, requested, RedisScript.READ,
        groups.calls(group -> args));
    List<Found<K, V>> found = new ArrayList<>();
    for (int g = 0; g < replies.size(); g++) {
      List<K> groupKeys = groups.keys.get(g);
      List<Object> reply = replies.get(g);
      for (int i = 0; i < groupKeys.size(); i++) {
        K key = groupKeys.get(i);
        byte[] stored = (byte[]) reply.get(2 * i + 1);
        V value = liveValue(key, (Long) reply.get(2 * i), stored);
        if (value != null) {
          found.add(new Found<>(key, value, stored, UNKNOWN_LIFETIME));
        }
      }
    }
    return found;
  }

  private static String subject(Collection<?> keys) {
    return keys.size() == 1 ? "key " + keys.iterator().next() : keys.size() + " keys";
  }

  /** Writes every entry (a {@code null} value for removals), one script call per slot group. */
  private void writeInSlotGroups(WriteOp.Kind kind, Map<K, V> entries, EntryExpiry expiry, WriteHooks<K, V> hooks) {
    if (entries.isEmpty()) {
      return;
    }
    SlotGroups<K> groups = groupBySlot(new ArrayList<>(entries.keySet()));
    if (storesPlainly(kind, false, expiry, hooks)) {
      List<List<byte[]>> stored = new ArrayList<>(groups.keys.size());
      for (List<K> groupKeys : groups.keys) {
        List<byte[]> groupValues = new ArrayList<>(groupKeys.size());
        for (K key : groupKeys) {
          groupValues.add(values.encodeEternal(key, entries.get(key)));
        }
        stored.add(groupValues);
      }
      storePlainly(kind.name().toLowerCase(Locale.ROOT), entries.keySet(), groups.redisKeys, stored);
      entries.forEach((key, value) -> hooks.afterCommit(key, storedPlainly(value)));
      return;
    }
    List<ScriptCall> calls = groups.calls(groupKeys -> {
      List<byte[]> args = writeArguments(kind, expiry, hooks.needsOldValue());
      for (K key : groupKeys) {
        V value = entries.get(key);
        args.add(value == null ? NONE : values.encode(key, value));
        args.add(NONE);
      }
      return args;
    });
    inOrder(groups, () -> {
      List<List<Object>> replies = eval(kind.name().toLowerCase(Locale.ROOT), entries.keySet(),
          RedisScript.WRITE, calls);
      for (int g = 0; g < replies.size(); g++) {
        List<K> groupKeys = groups.keys.get(g);
        for (int i = 0; i < groupKeys.size(); i++) {
          K key = groupKeys.get(i);
          hooks.afterCommit(key, outcomeOf(key, entries.get(key), replies.get(g), i));
        }
      }
      return null;
    });
  }

  private List<byte[]> writeArguments(WriteOp.Kind kind, EntryExpiry expiry, boolean wantOld) {
    List<byte[]> args = new ArrayList<>();
    args.add(bytes(kind.name().toLowerCase(Locale.ROOT)));
    args.add(ttlArgument(expiry.ttlForCreation()));
    args.add(ttlArgument(expiry.ttlForUpdate()));
    args.add(ttlArgument(expiry.ttlForAccess()));
    args.add(wantOld ? ONE : ZERO);
    return args;
  }

  /** The outcome of the {@code index}th key of a WRITE reply, reporting any value found expired. */
  private WriteOutcome<V> outcomeOf(K key, V newValue, List<Object> reply, int index) {
    String code = new String((byte[]) reply.get(3 * index), StandardCharsets.US_ASCII);
    byte[] old = (byte[]) reply.get(3 * index + 1);
    byte[] expired = (byte[]) reply.get(3 * index + 2);
    if (expired != null) {
      reportExpired(key, expired);
    }
    V oldValue = old == null ? null : values.decode(old, key);
    switch (code) {
      case "C":
        return WriteOutcome.created(newValue);
      case "U":
        return WriteOutcome.updated(oldValue, newValue);
      case "R":
        return WriteOutcome.removed(oldValue);
      case "P":
        return WriteOutcome.present(oldValue);
      default:
        return WriteOutcome.absent();
    }
  }

  /** The value of a READ result, or {@code null}; a value found expired is reported. */
  private V liveValue(K key, long status, byte[] stored) {
    if (status == 1) {
      return values.decode(stored, key);
    }
    if (status == 2) {
      reportExpired(key, stored);
    }
    return null;
  }

  private void touchAfterRead(Found<K, V> hit, EntryExpiry expiry) {
    if (!expiry.isFixed()) {
      touchAfterRead(hit.key, hit.stored, expiry.ttlForAccess());
    }
  }

  /** A custom expiry policy is asked only on a hit: a second round trip moves the expiry. */
  private void touchAfterRead(K key, byte[] stored, long ttl) {
    if (ttl != EntryExpiry.UNCHANGED) {
      evalOne("touch", key, RedisScript.CAS, keys.encode(key), stored, bytes("touch"), NONE, ttlArgument(ttl));
    }
  }

  private void reportExpired(K key, byte[] stored) {
    observer.onExpired(key, values.decode(stored, key));
  }

  private List<K> decodeKeys(List<byte[]> redisKeys) {
    List<K> decoded = new ArrayList<>(redisKeys.size());
    for (byte[] redisKey : redisKeys) {
      decoded.add(keys.decode(redisKey));
    }
    return decoded;
  }

  private SlotGroups<K> groupBySlot(List<K> order) {
    if (order.size() == 1) {
      // A single key, the hot path of get: one group, without the maps.
      return new SlotGroups<>(List.of(order), List.of(List.of(keys.encode(order.get(0)))));
    }
    RedisConnection redis = connection();
    Map<Integer, List<K>> bySlot = new LinkedHashMap<>();
    Map<Integer, List<byte[]>> redisKeysBySlot = new LinkedHashMap<>();
    for (K key : order) {
      byte[] redisKey = keys.encode(key);
      int slot = redis.slot(redisKey);
      bySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(key);
      redisKeysBySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(redisKey);
    }
    return new SlotGroups<>(new ArrayList<>(bySlot.values()), new ArrayList<>(redisKeysBySlot.values()));
  }

  private List<Object> evalOne(String operation, K key, RedisScript script, byte[] redisKey, byte[]... args) {
    return evalOne(operation, key, script, List.of(redisKey), List.of(args));
  }

  private List<Object> evalOne(String operation, K key, RedisScript script, List<byte[]> redisKeys,
      List<byte[]> args) {
    return eval(operation, List.of(key), script, List.of(new ScriptCall(redisKeys, args))).get(0);
  }

  /** Runs script calls; a failure names the operation and the keys it was {@code about}. */
  private List<List<Object>> eval(String operation, Collection<?> about, RedisScript script,
      List<ScriptCall> calls) {
    try {
      return connection().eval(script, calls);
    } catch (RedisFailure e) {
      throw backend.failure(cacheName, operation + " of " + subject(about), e);
    }
  }

  private List<TimedValues> readPlainly(String operation, Collection<?> about, List<List<byte[]>> slotGroups,
      boolean withClock) {
    try {
      return connection().read(slotGroups, withClock);
    } catch (RedisFailure e) {
      throw backend.failure(cacheName, operation + " of " + subject(about), e);
    }
  }

  private void storePlainly(String operation, Collection<?> about, List<List<byte[]>> slotGroups,
      List<List<byte[]>> stored) {
    try {
      connection().store(slotGroups, stored);
    } catch (RedisFailure e) {
      throw backend.failure(cacheName, operation + " of " + subject(about), e);
    }
  }

  private RedisConnection connection() {
    try {
      return backend.connection();
    } catch (RedisFailure e) {
      throw backend.failure(cacheName, "connecting", e);
    }
  }

  /** Runs {@code work} holding the key's stripe when the cache publishes events. */
  private <T> T inOrder(byte[] redisKey, Supplier<T> work) {
    return observer.publishesEvents() ? stripes.withLock(redisKey, work) : work.get();
  }

  private <T> T inOrder(SlotGroups<K> groups, Supplier<T> work) {
    return observer.publishesEvents() ? stripes.withLocks(groups.allRedisKeys(), work) : work.get();
  }

  private static byte[] accessArgument(EntryExpiry expiry) {
    return expiry.isFixed() ? ttlArgument(expiry.ttlForAccess()) : KEEP_EXPIRY;
  }

  /** A time-to-live as the scripts take it: -1 unchanged, -2 eternal, otherwise milliseconds. */
  private static byte[] ttlArgument(long ttl) {
    if (ttl == EntryExpiry.ETERNAL) {
      return bytes("-2");
    }
    return ttl == EntryExpiry.UNCHANGED ? KEEP_EXPIRY : bytes(Long.toString(ttl));
  }

  private static void backOff(int attempt) {
    if (attempt > 3) {
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 50_000L * Math.min(attempt, 40)));
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Keys grouped by cluster slot, with their Redis keys, in the same order. */
  private static final class SlotGroups<K> {
    final List<List<K>> keys;
    final List<List<byte[]>> redisKeys;

    SlotGroups(List<List<K>> keys, List<List<byte[]>> redisKeys) {
      this.keys = keys;
      this.redisKeys = redisKeys;
    }

    List<byte[]> allRedisKeys() {
      List<byte[]> all = new ArrayList<>();
      redisKeys.forEach(all::addAll);
      return all;
    }

    List<ScriptCall> calls(Function<List<K>, List<byte[]>> argsOf) {
      List<ScriptCall> calls = new ArrayList<>(keys.size());
      for (int g = 0; g < keys.size(); g++) {
        calls.add(new ScriptCall(redisKeys.get(g), argsOf.apply(keys.get(g))));
      }
      return calls;
    }
  }

  /** A live entry read from Redis, with the bytes it was stored as. */
  private static final class Found<K, V> {
    final K key;
    final V value;
    final byte[] stored;
    /** Milliseconds left, {@link EntryExpiry#ETERNAL} or {@link #UNKNOWN_LIFETIME}. */
    final long lifetime;

    Found(K key, V value, byte[] stored, long lifetime) {
      this.key = key;
      this.value = value;
      this.stored = stored;
      this.lifetime = lifetime;
    }
  }

  /** Turns SCAN batches into items, reading one batch at a time and converting each item on its way out. */
  private final class BatchIterator<T> implements Iterator<T> {
    private final Function<List<byte[]>, List<Found<K, V>>> load;
    private final Function<Found<K, V>, T> handOut;
    private Iterator<List<byte[]>> batches;
    private Iterator<Found<K, V>> current = java.util.Collections.emptyIterator();

    BatchIterator(Function<List<byte[]>, List<Found<K, V>>> load,
        Function<Found<K, V>, T> handOut) {
      this.load = load;
      this.handOut = handOut;
    }

    @Override
    public boolean hasNext() {
      try {
        if (batches == null) {
          batches = connection().scan(keys.pattern(), SCAN_BATCH);
        }
        while (!current.hasNext() && batches.hasNext()) {
          current = load.apply(batches.next()).iterator();
        }
      } catch (RedisFailure e) {
        throw backend.failure(cacheName, "iteration", e);
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return handOut.apply(current.next());
    }
  }
}
