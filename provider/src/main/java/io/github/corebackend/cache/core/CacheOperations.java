package io.github.corebackend.cache.core;

import io.github.corebackend.cache.event.EventDispatcher;
import io.github.corebackend.cache.expiry.PolicyExpiry;
import io.github.corebackend.cache.integration.CacheLoading;
import io.github.corebackend.cache.integration.CacheWriting;
import io.github.corebackend.cache.integration.ImmutableCacheEntry;
import io.github.corebackend.cache.integration.LoadsInFlight;
import io.github.corebackend.cache.management.CacheStatistics;
import io.github.corebackend.cache.processor.InvokeAction;
import io.github.corebackend.cache.spi.EntryAction;
import io.github.corebackend.cache.spi.EntryGuard;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.WriteAction;
import io.github.corebackend.cache.spi.WriteKind;
import io.github.corebackend.cache.spi.WriteOp;
import io.github.corebackend.cache.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriterException;
import javax.cache.processor.EntryProcessor;
import org.jspecify.annotations.Nullable;

/**
 * How a cache's operations run on its store, once their arguments are checked: each is one store
 * step per key, handed the operation's facts, with the events the store reports delivered after it;
 * read-through loads on a miss; a write that may call the writer runs under the store's guard of the
 * key (decided, written through exactly once, then committed); changes are counted in the
 * statistics. Timing and the public contract stay with the cache.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class CacheOperations<K, V> {

  private final String cacheName;
  private final PolicyExpiry expiry;
  private final EventDispatcher<K, V> events;
  private final CacheLoading<K, V> loading;
  private final CacheWriting<K, V> writing;
  private final CacheStatistics statistics;
  private final LoadsInFlight<K, V> loadsInFlight;
  private final Store<K, V> store;
  /** The step of {@link #get}, kept so that a hit allocates nothing. */
  private final Function<K, V> readThrough = this::readThrough;
  /** What the store is told of each operation; replaced when listeners come or go. */
  private volatile Facts facts;

  /** The operations of a cache on {@code store}, which reports to {@code events}. */
  public CacheOperations(String cacheName, Store<K, V> store, PolicyExpiry expiry, EventDispatcher<K, V> events,
      CacheLoading<K, V> loading, CacheWriting<K, V> writing, CacheStatistics statistics) {
    this.cacheName = cacheName;
    this.store = store;
    this.expiry = expiry;
    this.events = events;
    this.loading = loading;
    this.writing = writing;
    this.statistics = statistics;
    this.loadsInFlight = new LoadsInFlight<>(cacheName);
    refreshFacts();
  }

  /** The store. */
  public Store<K, V> store() {
    return store;
  }

  /** Tells the store anew whether listeners watch; called when they come or go. */
  public void refreshFacts() {
    facts = new Facts(expiry, events.hasListeners(), events.needsOldValue());
  }

  /** The value of {@code key}, loaded through on a miss, or {@code null}; counts the hit or miss. */
  public @Nullable V get(K key) {
    return events.deliverAfter(readThrough, key);
  }

  private @Nullable V readThrough(K key) {
    V found = store.get(key, facts);
    statistics.recordRead(found != null, 0L);
    return found != null || !loading.readsThrough() ? found : loadThrough(key);
  }

  /** Get-or-load: see {@code UnifiedCache#getOrLoad}. */
  public @Nullable V getOrLoad(K key, Function<? super K, ? extends V> valueLoader) {
    V value = get(key);
    return value != null ? value : loadsInFlight.run(key, () -> events.deliverAfter(() -> {
      // A load that ended just before this one started may have kept a value already.
      V kept = store.get(key, facts);
      if (kept != null) {
        return kept;
      }
      V loaded = callValueLoader(key, valueLoader);
      return loaded == null ? null : keepLoaded(key, loaded);
    }));
  }

  /** The values of {@code keys}, the missing ones loaded through; counts hits and misses. */
  public Map<K, V> getAll(Set<? extends K> keys) {
    return events.deliverAfter(() -> {
      Map<K, V> found = new HashMap<>(store.getAll(keys, facts));
      statistics.recordHits(found.size());
      statistics.recordMisses(keys.size() - found.size());
      if (loading.readsThrough() && found.size() < keys.size()) {
        List<K> missing = new ArrayList<>();
        for (K key : keys) {
          if (!found.containsKey(key)) {
            missing.add(key);
          }
        }
        loading.loadAll(missing).forEach((key, loaded) -> {
          V kept = keepLoaded(key, loaded);
          if (kept != null) {
            found.put(key, kept);
          }
        });
      }
      return found;
    });
  }

  /** Loads {@code keys} (those absent, unless {@code replaceExistingValues}) and keeps the values. */
  public void loadAll(List<K> keys, boolean replaceExistingValues) {
    events.deliverAfter(() -> {
      List<K> toLoad = new ArrayList<>();
      for (K key : keys) {
        if (replaceExistingValues || !store.containsKey(key)) {
          toLoad.add(key);
        }
      }
      return store.writeAll(loading.loadAll(toLoad),
          replaceExistingValues ? WriteKind.LOAD_REPLACING : WriteKind.LOAD, facts);
    });
  }

  /**
   * Runs a caller's write, counting what it changed. A write that may call the writer runs under the
   * store's guard: decided, written through once, then committed.
   */
  public WriteOutcome<V> write(K key, WriteOp<V> op) {
    WriteOutcome<V> outcome = events.deliverAfter(() -> {
      Facts current = facts;
      return writing.writesThrough(op.kind())
          ? guarded(key, new WriteAction<>(op, current), current, op.returnsOldValue())
          : store.write(key, op, current);
    });
    countChange(outcome);
    return outcome;
  }

  /**
   * Writes the entries through, then stores those the writer took.
   *
   * @throws CacheWriterException after storing, when the writer failed for some entries
   */
  public void putAll(Map<K, V> toStore) {
    CacheWriterException writeFailure = writing.isEnabled() ? writing.writeAll(toStore) : null;
    statistics.recordPuts(events.deliverAfter(() -> store.writeAll(toStore, WriteKind.PUT, facts)));
    if (writeFailure != null) {
      throw writeFailure;
    }
  }

  /**
   * Deletes the keys through, then removes those the writer deleted.
   *
   * @throws CacheWriterException after removing, when the writer failed for some keys
   */
  public void removeAll(Set<K> keys) {
    CacheWriterException deleteFailure = writing.isEnabled() ? writing.deleteAll(keys) : null;
    statistics.recordRemovals(events.deliverAfter(() -> store.removeAll(keys, facts)));
    if (deleteFailure != null) {
      throw deleteFailure;
    }
  }

  /** The keys of every live entry, read without their values. */
  public Set<K> keys() {
    Set<K> keys = new LinkedHashSet<>();
    events.deliverAfter(() -> {
      store.keyIterator().forEachRemaining(keys::add);
      return null;
    });
    return keys;
  }

  /**
   * Runs an entry processor atomically, under the key's guard when the cache writes through; counts
   * the hit or miss (the caller times it) and what it changed.
   *
   * @param valueCheck throws {@link ClassCastException} for a value of the wrong type
   */
  public <T> @Nullable T invoke(K key, EntryProcessor<K, V, T> processor, Object[] arguments,
      Consumer<Object> valueCheck, long start) {
    Facts current = facts;
    InvokeAction<K, V, T> action = new InvokeAction<>(key, processor, arguments, loading.readThroughLoader(),
        cacheName, current, valueCheck);
    WriteOutcome<V> outcome = events.deliverAfter(() -> {
      if (writing.isEnabled()) {
        return guarded(key, action, current, false);
      }
      return store.compute(key, action, current);
    });
    statistics.recordRead(action.existed(), start);
    if (!action.loaded()) {
      countChange(outcome);
    }
    return action.result();
  }

  /**
   * Iterates over live entries: each one returned is a hit and an access.
   *
   * @param requireOpen throws when the cache has closed, checked before an entry is removed
   */
  public Iterator<Cache.Entry<K, V>> iterator(Runnable requireOpen) {
    return new EntryIterator(requireOpen);
  }

  /** Removes expired entries the store keeps itself and delivers their expired events. */
  public void sweepExpired() {
    events.deliverAfter(store::sweepExpired);
  }

  /** Applies {@code action} under the key's guard, calls the writer as it asks, then commits. */
  private WriteOutcome<V> guarded(K key, EntryAction<V, ?> action, Facts current, boolean withOldValue) {
    try (EntryGuard<V> guard = store.guard(key, action.operation(), current)) {
      action.apply(guard);
      // Exactly once, outside any retried step; a failure leaves the entry as it was.
      writing.call(key, action.writerCall());
      return guard.commit(withOldValue);
    }
  }

  private void countChange(WriteOutcome<V> outcome) {
    if (outcome.stored()) {
      statistics.recordPuts(1);
    } else if (outcome.result() == WriteOutcome.Result.REMOVED) {
      statistics.recordRemovals(1);
    }
  }

  /** Loads a missed key through the loader and keeps the value; another JVM's may win. */
  private @Nullable V loadThrough(K key) {
    V loaded = loading.load(key);
    return loaded == null ? null : keepLoaded(key, loaded);
  }

  /** Keeps a loaded value unless an entry appeared meanwhile; returns the value the cache holds, if any. */
  private @Nullable V keepLoaded(K key, V loaded) {
    WriteOutcome<V> outcome = store.write(key, WriteOp.load(loaded), facts);
    if (outcome.result() == WriteOutcome.Result.UNCHANGED_PRESENT) {
      return outcome.oldValue();
    }
    return outcome.stored() ? loaded : null;
  }

  private @Nullable V callValueLoader(K key, Function<? super K, ? extends V> valueLoader) {
    try {
      return valueLoader.apply(key);
    } catch (CacheException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("Cache '" + cacheName + "': the value loader failed for key " + key, e);
    }
  }

  /** Iterates over live entries: each one returned is a hit and an access. */
  private final class EntryIterator implements Iterator<Cache.Entry<K, V>> {
    private final Iterator<Map.Entry<K, V>> entries = store.iterator(facts);
    private final Runnable requireOpen;
    /** The key {@link #next()} returned last, until {@link #remove()} removes it. */
    private @Nullable K lastKey;

    EntryIterator(Runnable requireOpen) {
      this.requireOpen = requireOpen;
    }

    @Override
    public boolean hasNext() {
      return events.deliverAfter(entries::hasNext);
    }

    @Override
    public Cache.Entry<K, V> next() {
      long start = statistics.startTimer();
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Map.Entry<K, V> entry = entries.next();
      lastKey = entry.getKey();
      statistics.recordRead(true, start);
      return ImmutableCacheEntry.of(entry);
    }

    @Override
    public void remove() {
      if (lastKey == null) {
        throw new IllegalStateException("Cache '" + cacheName + "': call next() before remove()");
      }
      requireOpen.run();
      K key = lastKey;
      lastKey = null;
      long start = statistics.startTimer();
      if (write(key, WriteOp.remove(false)).result() == WriteOutcome.Result.REMOVED) {
        statistics.recordRemoveTime(start);
      }
    }
  }
}
