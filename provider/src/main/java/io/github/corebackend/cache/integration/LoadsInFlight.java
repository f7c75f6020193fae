package io.github.corebackend.cache.integration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javax.cache.CacheException;
import javax.cache.integration.CacheLoaderException;
import org.jspecify.annotations.Nullable;

/**
 * Runs at most one load per key at a time in this JVM: the first caller loads, callers that arrive
 * meanwhile wait for its result, or its failure. Nothing is remembered once a load ends.
 *
 * <p>Invariant: a key maps to the load that is running for it, and a load is completed before its
 * mapping is removed, so a caller either joins a running load or finds none (and then the cache
 * holds whatever the last load stored).
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class LoadsInFlight<K, V> {

  private final String cacheName;
  private final ConcurrentHashMap<K, Load<V>> running = new ConcurrentHashMap<>();

  /** The loads of the cache {@code cacheName}. */
  public LoadsInFlight(String cacheName) {
    this.cacheName = cacheName;
  }

  /**
   * Runs {@code load} for {@code key}, or waits for the load of {@code key} another thread runs.
   *
   * @throws CacheLoaderException to every waiting caller when the load failed
   * @throws IllegalStateException when the load of a key asks for the same key
   */
  public @Nullable V run(K key, Supplier<V> load) {
    Load<V> mine = new Load<>(Thread.currentThread());
    Load<V> other = running.putIfAbsent(key, mine);
    if (other != null) {
      return other.await(key);
    }
    try {
      V value = load.get();
      mine.result.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.result.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(key, mine);
    }
  }

  /** One running load and the thread that runs it. */
  private final class Load<T> {
    final Thread loader;
    final CompletableFuture<T> result = new CompletableFuture<>();

    Load(Thread loader) {
      this.loader = loader;
    }

    @Nullable T await(Object key) {
      if (loader == Thread.currentThread()) {
        throw new IllegalStateException("Cache '" + cacheName + "': the load of key " + key
            + " asked for the same key, which would wait for itself");
      }
      try {
        return result.get();
      } catch (ExecutionException e) {
        // A failed load always has its cause; the wrapper stands in should one ever lack it.
        Throwable failure = e.getCause() != null ? e.getCause() : e;
        throw new CacheLoaderException("Cache '" + cacheName + "': loading key " + key + " failed: "
            + failure.getMessage(), failure);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CacheException("Cache '" + cacheName + "': interrupted while waiting for the load of key "
            + key, e);
      }
    }
  }
}
