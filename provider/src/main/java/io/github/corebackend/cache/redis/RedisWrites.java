package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.redis.RedisConnection.ScriptCall;
import io.github.corebackend.cache.spi.EntryExpiry;
import io.github.corebackend.cache.serial.CacheSerializationException;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.KeyText;
import io.github.corebackend.cache.spi.StoreEvents;
import io.github.corebackend.cache.spi.WriteKind;
import io.github.corebackend.cache.spi.WriteOp;
import io.github.corebackend.cache.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The writes of a Redis store whose expiry policy is a standard one: the write script applies the
 * decision table in one round trip per call (bulk writes: one call per slot group, pipelined). A put
 * that nobody needs the previous state of, into an eternal cache, is a plain MSET instead.
 */
final class RedisWrites<K, V> {

  private final RedisCalls calls;
  private final KeyCodec<K> keys;
  private final ValueCodec<V> values;
  private final StoreEvents<K, V> events;

  RedisWrites(RedisCalls calls, KeyCodec<K> keys, ValueCodec<V> values, StoreEvents<K, V> events) {
    this.calls = calls;
    this.keys = keys;
    this.values = values;
    this.events = events;
  }

  /** Performs {@code op}; the facts' expiry must be fixed. */
  WriteOutcome<V> write(K key, WriteOp<V> op, Facts facts) {
    byte[] redisKey = keys.encode(key);
    if (storesPlainly(op.kind(), op.returnsOldValue(), facts)) {
      calls.store(op.operation(), List.of(key), List.of(List.of(redisKey)),
          List.of(List.of(values.encodeEternal(key, op.valueToStore()))));
      WriteOutcome<V> outcome = storedPlainly(op.valueToStore());
      events.changed(key, outcome);
      return outcome;
    }
    List<byte[]> args = writeArguments(op.kind(), facts.expiry(), op.returnsOldValue() || facts.oldValues());
    args.add(op.value() == null ? RedisCalls.NONE : values.encode(key, op.value()));
    args.add(op.expected() == null ? RedisCalls.NONE : values.encode(key, op.expected()));
    return calls.inOrder(facts, redisKey, () -> {
      List<Object> reply = calls.evalOne(op.operation(), key, RedisScript.WRITE, List.of(redisKey), args);
      byte[] old = (byte[]) reply.get(1);
      if (old == null || !op.returnsOldValue()) {
        return report(key, op.value(), reply, 0);
      }
      V oldValue;
      try {
        oldValue = values.decode(old, key);
      } catch (CacheSerializationException unreadable) {
        report(key, op.value(), reply, 0); // listeners hear of the change, without the old value
        throw new CacheSerializationException("Cache '" + calls.cacheName() + "': " + op.operation() + " of key "
            + KeyText.of(key) + " was applied, but the value it replaced cannot be read", unreadable);
      }
      return report(key, op.value(), oldValue, reply, 0);
    });
  }

  /**
   * Writes every entry (a {@code null} value for removals), one script call per slot group.
   *
   * @return the number of entries stored or removed
   */
  int writeAll(WriteKind kind, Map<K, V> entries, Facts facts) {
    if (entries.isEmpty()) {
      return 0;
    }
    SlotGroups<K> groups = SlotGroups.of(new ArrayList<>(entries.keySet()), keys,
        calls.connection(bulkOperation(kind), entries.keySet()));
    if (storesPlainly(kind, false, facts)) {
      List<List<byte[]>> stored = new ArrayList<>(groups.keys().size());
      for (List<K> groupKeys : groups.keys()) {
        List<byte[]> groupValues = new ArrayList<>(groupKeys.size());
        for (K key : groupKeys) {
          groupValues.add(values.encodeEternal(key, Objects.requireNonNull(entries.get(key), "a put has a value")));
        }
        stored.add(groupValues);
      }
      calls.store(bulkOperation(kind), entries.keySet(), groups.redisKeys(), stored);
      entries.forEach((key, value) -> events.changed(key, storedPlainly(value)));
      return entries.size();
    }
    List<ScriptCall> scriptCalls = groups.calls(groupKeys -> {
      List<byte[]> args = writeArguments(kind, facts.expiry(), facts.oldValues());
      for (K key : groupKeys) {
        V value = entries.get(key);
        args.add(value == null ? RedisCalls.NONE : values.encode(key, value));
        args.add(RedisCalls.NONE);
      }
      return args;
    });
    return calls.inOrder(facts, groups, () -> {
      List<List<Object>> replies = calls.eval(bulkOperation(kind), entries.keySet(), RedisScript.WRITE, scriptCalls);
      int changed = 0;
      for (int g = 0; g < replies.size(); g++) {
        List<K> groupKeys = groups.keys().get(g);
        for (int i = 0; i < groupKeys.size(); i++) {
          K key = groupKeys.get(i);
          if (report(key, entries.get(key), replies.get(g), i).changed()) {
            changed++;
          }
        }
      }
      return changed;
    });
  }

  /**
   * Removes every key, one script call per slot group.
   *
   * @return the number of entries removed
   */
  int removeAll(List<K> toRemove, Facts facts) {
    Map<K, V> removals = new LinkedHashMap<>();
    toRemove.forEach(key -> removals.put(key, null));
    // Removals set no expiry: a custom policy must not be asked.
    return writeAll(WriteKind.REMOVE, removals,
        new Facts(EntryExpiry.ETERNAL_ENTRIES, facts.observed(), facts.oldValues()));
  }

  /**
   * Whether a write can be a plain MSET: a put into an eternal cache that nobody needs the previous
   * state of (no old value, no listener to tell created from updated, no expired entry to report,
   * since eternal entries never expire), so the script's read-and-decide step has nothing to decide.
   */
  private static boolean storesPlainly(WriteKind kind, boolean returnsOldValue, Facts facts) {
    return kind == WriteKind.PUT && !returnsOldValue && !facts.oldValues() && !facts.observed()
        && RedisReads.writesEternal(facts.expiry());
  }

  /**
   * The outcome of a plain store, which cannot tell a create from an update; only the put count of
   * the statistics reads it, and it counts both alike.
   */
  private static <V> WriteOutcome<V> storedPlainly(V value) {
    return WriteOutcome.updated(null, value);
  }

  private static List<byte[]> writeArguments(WriteKind kind, EntryExpiry expiry, boolean withOldValue) {
    List<byte[]> args = new ArrayList<>();
    args.add(RedisCalls.bytes(kind.scriptName()));
    args.add(RedisCalls.ttlArgument(expiry.ttlForCreation()));
    args.add(RedisCalls.ttlArgument(expiry.ttlForUpdate()));
    args.add(RedisCalls.ttlArgument(expiry.ttlForAccess()));
    args.add(withOldValue ? RedisCalls.ONE : RedisCalls.ZERO);
    return args;
  }

  /**
   * The outcome of the {@code index}th key of a write reply, reporting it and any value found expired.
   * An old value that cannot be read is reported as not available: it never stops its replacement.
   */
  private WriteOutcome<V> report(K key, @Nullable V newValue, List<Object> reply, int index) {
    byte[] old = (byte[]) reply.get(3 * index + 1);
    return report(key, newValue, old == null ? null : values.decodeIfReadable(old, key), reply, index);
  }

  /** The outcome of the {@code index}th key of a write reply, whose old value was decoded. */
  private WriteOutcome<V> report(K key, @Nullable V newValue, @Nullable V oldValue, List<Object> reply, int index) {
    WriteOutcome.Result result = RedisScript.resultOf((Long) reply.get(3 * index));
    byte[] expired = (byte[]) reply.get(3 * index + 2);
    if (expired != null) {
      events.expired(key, values.decodeIfReadable(expired, key));
    }
    WriteOutcome<V> outcome = outcomeOf(result, oldValue, newValue);
    if (outcome.changed()) {
      events.changed(key, outcome);
    }
    return outcome;
  }

  /** The JCache operation a bulk write carries out, named when it fails. */
  private static String bulkOperation(WriteKind kind) {
    switch (kind) {
      case PUT:
        return "putAll";
      case REMOVE:
        return "removeAll";
      default:
        return "loadAll";
    }
  }

  /**
   * The outcome a script reported: {@code result}, with the old value (when asked for) and the value
   * written ({@code null} for a removal).
   */
  static <V> WriteOutcome<V> outcomeOf(WriteOutcome.Result result, @Nullable V oldValue, @Nullable V newValue) {
    switch (result) {
      case CREATED:
        return WriteOutcome.created(written(newValue));
      case UPDATED:
        return WriteOutcome.updated(oldValue, written(newValue));
      case REMOVED:
        return WriteOutcome.removed(oldValue);
      case UNCHANGED_PRESENT:
        return WriteOutcome.present(oldValue);
      default:
        return WriteOutcome.absent();
    }
  }

  private static <V> V written(@Nullable V newValue) {
    return Objects.requireNonNull(newValue, "a created or updated entry holds the value written");
  }
}
