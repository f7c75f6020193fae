package io.github.corebackend.cache.event;

import io.github.corebackend.cache.integration.Closeables;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Delivers entry events to a cache's listeners, in the order the changes happened for each key.
 *
 * <p>{@link #publish} runs inside the store's atomic step for the key and only queues: each event
 * takes its place in a per-key chain. Synchronous listeners then run in the calling thread, in
 * {@link #deliverPending}, once the previous event for the same key has been delivered; asynchronous
 * listeners run on the executor, chained the same way. So a key's events reach every listener in
 * order, callers never wait for unrelated keys, and a cache with no listeners pays one volatile read.
 */
public final class EventDispatcher<K, V> {

  private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());

  private final Cache<K, V> source;
  private final Executor executor;
  private final List<ListenerRegistration<K, V>> registrations = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<K, Turn> syncTails = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<K, Turn> asyncTails = new ConcurrentHashMap<>();
  private final ThreadLocal<List<PendingEvent<K, V>>> pending = ThreadLocal.withInitial(ArrayList::new);

  private volatile int synchronousTypes;
  private volatile int asynchronousTypes;
  private volatile boolean oldValueNeeded;
  private volatile boolean everActive;

  /** A dispatcher of the events of {@code source}; asynchronous listeners run on {@code executor}. */
  public EventDispatcher(Cache<K, V> source, Executor executor) {
    this.source = source;
    this.executor = executor;
  }

  /** Creates the listener of {@code configuration} and starts delivering to it. */
  public synchronized void register(CacheEntryListenerConfiguration<K, V> configuration) {
    registrations.add(new ListenerRegistration<>(configuration));
    everActive = true;
    recomputeInterest();
  }

  /** Stops delivering to the listener of {@code configuration}; returns whether it was registered. */
  public synchronized boolean deregister(CacheEntryListenerConfiguration<K, V> configuration) {
    boolean removed = registrations.removeIf(registration -> registration.configuration().equals(configuration));
    recomputeInterest();
    return removed;
  }

  /** Whether a listener is registered with an equal configuration. */
  public boolean isRegistered(CacheEntryListenerConfiguration<K, V> configuration) {
    for (ListenerRegistration<K, V> registration : registrations) {
      if (registration.configuration().equals(configuration)) {
        return true;
      }
    }
    return false;
  }

  /** Closes the listeners and filters that are {@link AutoCloseable}, as the cache closes. */
  public void closeListeners() {
    for (ListenerRegistration<K, V> registration : registrations) {
      Closeables.closeQuietly(registration.listener(), "entry listener", source.getName());
      Closeables.closeQuietly(registration.filter(), "entry event filter", source.getName());
    }
  }

  /** Whether some listener listens to {@code type}, so that the event is worth building. */
  public boolean listensTo(EventType type) {
    return ((synchronousTypes | asynchronousTypes) & bit(type)) != 0;
  }

  /** Whether any listener is registered. */
  public boolean hasListeners() {
    return (synchronousTypes | asynchronousTypes) != 0;
  }

  /** Whether published updated and removed events should carry the previous value. */
  public boolean needsOldValue() {
    return oldValueNeeded;
  }

  /**
   * Queues an event for delivery; called inside the store's atomic step for {@code key}.
   *
   * @param value the entry's value; {@code null} for a removal whose old value nobody asked for
   * @param oldValueAvailable whether {@code oldValue} is the real previous value
   */
  public void publish(EventType type, K key, @Nullable V value, @Nullable V oldValue, boolean oldValueAvailable) {
    int bit = bit(type);
    boolean synchronous = (synchronousTypes & bit) != 0;
    boolean asynchronous = (asynchronousTypes & bit) != 0;
    if (!synchronous && !asynchronous) {
      return;
    }
    EntryEvent<K, V> event = new EntryEvent<>(source, type, key, value, oldValue, oldValueAvailable);
    if (asynchronous) {
      queueAsynchronous(event);
    }
    if (synchronous) {
      Turn turn = new Turn();
      pending.get().add(new PendingEvent<>(event, syncTails.put(key, turn), turn));
    }
  }

  /**
   * Runs one cache operation's store step and delivers, in the calling thread, the synchronous events
   * it queued; they are delivered even when the step fails, the step's failure then carrying any
   * listener's as suppressed.
   *
   * @throws CacheEntryListenerException if a listener failed; the cache change itself stands
   */
  public <T> T deliverAfter(Supplier<T> step) {
    int mark = mark();
    T result;
    try {
      result = step.get();
    } catch (RuntimeException | Error e) {
      throw deliverAfterFailure(mark, e);
    }
    deliverPending(mark);
    return result;
  }

  /**
   * Like {@link #deliverAfter(Supplier)}, for the hot read path: a step kept in a field costs no
   * allocation per call, and its call site here sees that one step only, so the JIT can inline the
   * store's read into it (a call site shared with every other operation's step could not).
   */
  public <A, T> T deliverAfter(Function<A, T> step, A argument) {
    int mark = mark();
    T result;
    try {
      result = step.apply(argument);
    } catch (RuntimeException | Error e) {
      throw deliverAfterFailure(mark, e);
    }
    deliverPending(mark);
    return result;
  }

  private RuntimeException deliverAfterFailure(int mark, Throwable failure) {
    try {
      deliverPending(mark);
    } catch (RuntimeException | Error listenerFailure) {
      failure.addSuppressed(listenerFailure);
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    return (RuntimeException) failure;
  }

  /** Marks the calling thread's queue before an operation; pass the mark to {@link #deliverPending}. */
  private int mark() {
    return everActive ? pending.get().size() : 0;
  }

  /**
   * Delivers, in the calling thread, the synchronous events the operation since {@code mark} queued.
   *
   * @throws CacheEntryListenerException if a listener failed; the cache change itself stands
   */
  private void deliverPending(int mark) {
    if (!everActive) {
      return;
    }
    List<PendingEvent<K, V>> queued = pending.get();
    Throwable failure = null;
    // A listener that calls back into the cache queues after us; that nested call delivers its own.
    while (queued.size() > mark) {
      PendingEvent<K, V> next = queued.remove(mark);
      try {
        next.awaitPreviousTurn();
        deliverSynchronously(next.event);
      } catch (Throwable t) {
        failure = failure == null ? t : failure;
      } finally {
        next.turn.complete(null);
        syncTails.remove(next.event.getKey(), next.turn);
      }
    }
    if (failure != null) {
      throw listenerFailure(failure);
    }
  }

  private void deliverSynchronously(EntryEvent<K, V> event) {
    Throwable failure = null;
    for (ListenerRegistration<K, V> registration : registrations) {
      if (registration.isSynchronous()) {
        try {
          registration.deliver(event);
        } catch (Throwable t) {
          failure = failure == null ? t : failure;
        }
      }
    }
    if (failure != null) {
      throw listenerFailure(failure);
    }
  }

  // The delivery completes its own turn whatever happens, so the chained future says nothing more.
  @SuppressWarnings("FutureReturnValueIgnored")
  private void queueAsynchronous(EntryEvent<K, V> event) {
    Turn turn = new Turn();
    Turn previous = asyncTails.put(event.getKey(), turn);
    Runnable delivery = () -> {
      try {
        deliverAsynchronously(event);
      } finally {
        turn.complete(null);
        asyncTails.remove(event.getKey(), turn);
      }
    };
    if (previous == null || previous.isDone()) {
      runAsynchronously(delivery);
    } else {
      previous.whenCompleteAsync((ignored, error) -> delivery.run(), this::runAsynchronously);
    }
  }

  /**
   * Runs an asynchronous delivery on the executor, or in this thread once the executor has shut
   * down: a delivery that never runs would leave its key's turn open, and every later event of the
   * key waiting behind it.
   */
  private void runAsynchronously(Runnable delivery) {
    try {
      executor.execute(delivery);
    } catch (RejectedExecutionException shutDown) {
      delivery.run();
    }
  }

  private void deliverAsynchronously(EntryEvent<K, V> event) {
    for (ListenerRegistration<K, V> registration : registrations) {
      if (!registration.isSynchronous()) {
        try {
          registration.deliver(event);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "Cache '" + source.getName() + "': asynchronous listener "
              + registration.listener().getClass().getName() + " failed on " + event, e);
        }
      }
    }
  }

  private RuntimeException listenerFailure(Throwable failure) {
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    if (failure instanceof CacheEntryListenerException) {
      return (CacheEntryListenerException) failure;
    }
    return new CacheEntryListenerException(
        "Cache '" + source.getName() + "': a synchronous entry listener failed: " + failure, failure);
  }

  private void recomputeInterest() {
    int synchronous = 0;
    int asynchronous = 0;
    boolean oldValues = false;
    for (ListenerRegistration<K, V> registration : registrations) {
      for (EventType type : EventType.values()) {
        if (registration.listensTo(type)) {
          if (registration.isSynchronous()) {
            synchronous |= bit(type);
          } else {
            asynchronous |= bit(type);
          }
        }
      }
      oldValues |= registration.listensTo(EventType.REMOVED)
          || (registration.isOldValueRequired() && registration.listensTo(EventType.UPDATED));
    }
    synchronousTypes = synchronous;
    asynchronousTypes = asynchronous;
    oldValueNeeded = oldValues;
  }

  @SuppressWarnings("EnumOrdinal") // one bit per event type, in an int
  private static int bit(EventType type) {
    return 1 << type.ordinal();
  }

  /** Completed once an event for a key has been delivered; the next event for the key waits on it. */
  private static final class Turn extends CompletableFuture<Void> {
    final Thread owner = Thread.currentThread();
  }

  /** A synchronous event waiting for its key's previous event to be delivered. */
  private static final class PendingEvent<K, V> {
    final EntryEvent<K, V> event;
    /** The key's previous event still in the chain, or {@code null} when there is none. */
    final @Nullable Turn previous;
    final Turn turn;

    PendingEvent(EntryEvent<K, V> event, @Nullable Turn previous, Turn turn) {
      this.event = event;
      this.previous = previous;
      this.turn = turn;
    }

    void awaitPreviousTurn() {
      // The previous event may be this thread's own, queued by an outer operation whose listener
      // called back into the cache; waiting for it would wait forever.
      if (previous != null && previous.owner != Thread.currentThread()) {
        previous.join();
      }
    }
  }
}
