package io.github.corebackend.cache.near;

import io.github.corebackend.cache.redis.TrackedStore.Timed;
import io.github.corebackend.cache.redis.TrackedStore;
import io.github.corebackend.cache.spi.EntryAction;
import io.github.corebackend.cache.spi.EntryExpiry;
import io.github.corebackend.cache.spi.EntryGuard;
import io.github.corebackend.cache.spi.Facts;
import io.github.corebackend.cache.spi.Store;
import io.github.corebackend.cache.spi.TimeSource;
import io.github.corebackend.cache.spi.WriteKind;
import io.github.corebackend.cache.spi.WriteOp;
import io.github.corebackend.cache.spi.WriteOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;

/**
 * A memory store in front of a Redis store. Redis holds every entry and decides every change; the
 * front keeps copies of entries read from Redis, for as long as Redis says they live, and serves
 * reads that would not change an entry's expiry (eternal, created and modified expiry) without a
 * round trip. Writes go to Redis and drop the local copy; Redis reports the keys other JVMs change
 * (see {@link TrackedStore#track}), and those copies are dropped too, within the report's delay. A
 * copy is served only while the reports are known complete up to at most {@code maxStaleness} ago.
 *
 * <p>Invariant: a copy read from Redis is kept only if no report of its key, no reset and no loss of
 * tracking happened between the moment before the read was sent and the moment after the copy was
 * stored; otherwise it is dropped again. Since a report is raised before the copy is dropped, and
 * the check runs after the copy is stored, one of the two always sees the other: a stale copy cannot
 * outlive the report of the change that made it stale.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class NearStore<K, V> implements Store<K, V> {

  private static final System.Logger LOG = System.getLogger(NearStore.class.getName());
  private static final int STRIPES = 1024;
  /** An odd generation: no copy read under it is kept. */
  private static final long UNTRACKED = 1;

  private final TrackedStore<K, V> remote;
  private final Store<K, V> front;
  private final TimeSource clock;
  private final long maxStalenessNanos;
  /** Reports per stripe of keys: a key's read compares its stripe before and after. */
  private final AtomicLongArray changes = new AtomicLongArray(STRIPES);
  private final AtomicLong resets = new AtomicLong();
  private final TrackedStore.Changes<K> changesHeard = new TrackedStore.Changes<>() {
    @Override
    public void changed(K key) {
      forget(key);
    }

    @Override
    public void reset() {
      forgetAll();
    }
  };
  /** Null until Redis first answers a read: a cache can be created while Redis is down. */
  private volatile @Nullable AutoCloseable tracking;
  private boolean closed;
  private boolean warned;

  /**
   * Puts {@code front} in front of {@code remote}.
   *
   * @param front a bounded memory store that fires no events: only Redis's entries are the cache's
   * @param clock measures how long the copies live
   * @param maxStaleness how stale a copy may be when served; see {@link #current()}
   */
  public NearStore(TrackedStore<K, V> remote, Store<K, V> front, TimeSource clock, Duration maxStaleness) {
    this.remote = remote;
    this.front = front;
    this.clock = clock;
    this.maxStalenessNanos = maxStaleness.toNanos();
  }

  @Override
  public @Nullable V get(K key, Facts facts) {
    if (!servesLocally(facts.expiry())) {
      return remote.get(key, facts);
    }
    V near = current() ? front.get(key, Facts.UNOBSERVED_ETERNAL) : null;
    return near != null ? near : readThrough("get", List.of(key), facts).get(key);
  }

  @Override
  public Map<K, V> getAll(Collection<? extends K> keys, Facts facts) {
    if (!servesLocally(facts.expiry())) {
      return remote.getAll(keys, facts);
    }
    Map<K, V> found = new LinkedHashMap<>();
    List<K> missing = new ArrayList<>();
    boolean current = current();
    for (K key : keys) {
      V near = current ? front.get(key, Facts.UNOBSERVED_ETERNAL) : null;
      if (near != null) {
        found.put(key, near);
      } else {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      found.putAll(readThrough("getAll", missing, facts));
    }
    return found;
  }

  @Override
  public boolean containsKey(K key) {
    return front.containsKey(key) || remote.containsKey(key);
  }

  @Override
  public <R> R compute(K key, EntryAction<V, R> action, Facts facts) {
    try {
      return remote.compute(key, action, facts);
    } finally {
      forget(key);
    }
  }

  @Override
  public WriteOutcome<V> write(K key, WriteOp<V> op, Facts facts) {
    try {
      return remote.write(key, op, facts);
    } finally {
      forget(key);
    }
  }

  @Override
  public EntryGuard<V> guard(K key, String operation, Facts facts) {
    return new ForgettingGuard(key, remote.guard(key, operation, facts));
  }

  @Override
  public int writeAll(Map<? extends K, ? extends V> values, WriteKind kind, Facts facts) {
    try {
      return remote.writeAll(values, kind, facts);
    } finally {
      values.keySet().forEach(this::forget);
    }
  }

  @Override
  public int removeAll(Collection<? extends K> keys, Facts facts) {
    try {
      return remote.removeAll(keys, facts);
    } finally {
      keys.forEach(this::forget);
    }
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator(Facts facts) {
    return remote.iterator(facts);
  }

  @Override
  public Iterator<K> keyIterator() {
    return remote.keyIterator();
  }

  @Override
  public boolean needsSweeping() {
    return front.needsSweeping();
  }

  @Override
  public int sweepExpired() {
    front.sweepExpired();
    return remote.sweepExpired();
  }

  @Override
  public void clear() {
    try {
      remote.clear();
    } finally {
      forgetAll();
    }
  }

  @Override
  public long size() {
    return remote.size();
  }

  /** The later of the two connects: a near cache's first read opens the tracker's after the other. */
  @Override
  public long readySince() {
    return Math.max(remote.readySince(), remote.trackingReadySince());
  }

  @Override
  public void close() {
    try {
      synchronized (this) {
        closed = true;
        if (tracking != null) {
          tracking.close();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot stop tracking keys", e);
    } finally {
      front.close();
      remote.close();
    }
  }

  /**
   * Whether copies may be served: tracking runs, and a reply on its connection sent at most the bound
   * ago proves that every report of a change Redis made before then has arrived, so a copy served now
   * misses no change older than the bound. Otherwise (the reports lag, or are lost) reads go to Redis.
   */
  private boolean current() {
    if (tracking == null) {
      return false; // nothing kept yet, and asking would open the tracking connection
    }
    long confirmed = remote.trackingConfirmedAt();
    return confirmed != Long.MIN_VALUE && System.nanoTime() - confirmed <= maxStalenessNanos;
  }

  /** Reads of a policy that moves the expiry on access, or asks a custom policy, must reach Redis. */
  private static boolean servesLocally(EntryExpiry expiry) {
    return expiry.isFixed() && expiry.ttlForAccess() == EntryExpiry.UNCHANGED;
  }

  /** Reads {@code keys} from Redis and keeps copies of what it finds, where the invariant allows. */
  private Map<K, V> readThrough(String operation, List<K> keys, Facts facts) {
    boolean tracked = tracking != null;
    long generation = tracked ? remote.trackingGeneration() : UNTRACKED;
    long resetsBefore = resets.get();
    long[] changesBefore = new long[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      changesBefore[i] = changes.get(stripe(keys.get(i)));
    }
    long start = clock.currentTimeMillis();
    Map<K, Timed<V>> read = remote.getAllTimed(operation, keys, facts);
    if (!tracked) {
      startTracking(); // Redis answered: copies can be kept from the next read on
    }
    Map<K, V> found = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      K key = keys.get(i);
      Timed<V> timed = read.get(key);
      if (timed != null) {
        found.put(key, timed.value());
        keep(key, timed, start, generation, resetsBefore, changesBefore[i]);
      }
    }
    return found;
  }

  private synchronized void startTracking() {
    if (tracking != null || closed) {
      return;
    }
    try {
      tracking = remote.track(changesHeard);
    } catch (RuntimeException e) {
      // Without reports no copy may be kept: the cache reads Redis until tracking starts.
      LOG.log(warned ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
          "A near cache cannot track its keys yet; it reads from Redis until it can", e);
      warned = true;
    }
  }

  private void keep(K key, Timed<V> timed, long start, long generation, long resetsBefore, long changesBefore) {
    long lifetime = timed.lifetimeMillis();
    if (generation % 2 != 0 || lifetime == TrackedStore.UNKNOWN_LIFETIME) {
      return; // nobody would report a change of this key, or nobody knows how long it lives
    }
    // Counted from before the read was sent, the copy never outlives the entry in Redis.
    long ttl = lifetime == EntryExpiry.ETERNAL ? EntryExpiry.ETERNAL : lifetime - (clock.currentTimeMillis() - start);
    if (ttl <= 0) {
      return;
    }
    front.write(key, WriteOp.put(timed.value(), false),
        Facts.unobserved(EntryExpiry.fixed(ttl, ttl, EntryExpiry.UNCHANGED)));
    if (remote.trackingGeneration() != generation || resets.get() != resetsBefore
        || changes.get(stripe(key)) != changesBefore) {
      drop(key);
    }
  }

  private void forget(K key) {
    changes.incrementAndGet(stripe(key));
    // Most reports are of keys this JVM holds no copy of; a copy stored after this look is
    // dropped by its own check, since the stripe has already moved.
    if (front.containsKey(key)) {
      drop(key);
    }
  }

  private void forgetAll() {
    resets.incrementAndGet();
    front.clear();
  }

  private void drop(K key) {
    front.write(key, WriteOp.remove(false), Facts.UNOBSERVED_ETERNAL);
  }

  private static int stripe(Object key) {
    int hash = key.hashCode();
    return (hash ^ (hash >>> 16)) & (STRIPES - 1);
  }

  /** A guard of the remote entry that drops the local copy once the guarded write is done. */
  private final class ForgettingGuard implements EntryGuard<V> {
    private final K key;
    private final EntryGuard<V> remoteGuard;

    ForgettingGuard(K key, EntryGuard<V> remoteGuard) {
      this.key = key;
      this.remoteGuard = remoteGuard;
    }

    @Override
    public boolean exists() {
      return remoteGuard.exists();
    }

    @Override
    public @Nullable V value() {
      return remoteGuard.value();
    }

    @Override
    public boolean valueEquals(V expected) {
      return remoteGuard.valueEquals(expected);
    }

    @Override
    public void put(V value, long ttlMillis) {
      remoteGuard.put(value, ttlMillis);
    }

    @Override
    public void remove() {
      remoteGuard.remove();
    }

    @Override
    public void touch(long ttlMillis) {
      remoteGuard.touch(ttlMillis);
    }

    @Override
    public WriteOutcome<V> commit(boolean withOldValue) {
      try {
        return remoteGuard.commit(withOldValue);
      } finally {
        forget(key);
      }
    }

    @Override
    public void close() {
      remoteGuard.close();
    }
  }
}
