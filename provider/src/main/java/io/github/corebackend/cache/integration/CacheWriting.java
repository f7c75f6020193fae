package io.github.corebackend.cache.integration;

import io.github.corebackend.cache.spi.WriteKind;
import io.github.corebackend.cache.spi.WriterCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import org.jspecify.annotations.Nullable;

/**
 * A cache's write-through {@link CacheWriter}: its calls, with failures turned into
 * {@link CacheWriterException}s that name the cache, the operation and the key. The cache calls it
 * once per operation, between deciding a guarded write and committing it.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class CacheWriting<K, V> {

  private final String cacheName;
  private final @Nullable CacheWriter<K, V> writer;

  /**
   * Wraps a writer.
   *
   * @param writer the writer of a write-through cache, or {@code null}
   */
  public CacheWriting(String cacheName, @Nullable CacheWriter<K, V> writer) {
    this.cacheName = cacheName;
    this.writer = writer;
  }

  /**
   * The writer of a cache {@code configuration} makes write through; a writer it names but does not
   * write through is closed at once, since nothing will call it.
   */
  @SuppressWarnings("unchecked") // a writer of ? super K, ? super V accepts every K and V
  public static <K, V> CacheWriting<K, V> of(String cacheName, CompleteConfiguration<K, V> configuration) {
    Factory<? extends CacheWriter<? super K, ? super V>> factory = configuration.getCacheWriterFactory();
    CacheWriter<K, V> writer = factory == null ? null : (CacheWriter<K, V>) factory.create();
    if (!configuration.isWriteThrough()) {
      Closeables.closeQuietly(writer, "cache writer", cacheName);
      writer = null;
    }
    return new CacheWriting<>(cacheName, writer);
  }

  /** Whether the cache writes through. */
  public boolean isEnabled() {
    return writer != null;
  }

  /** Whether a write of {@code kind} may call the writer, and so must run under a guard. */
  public boolean writesThrough(WriteKind kind) {
    return writer != null && kind.writesThrough();
  }

  /** The writer, if the cache writes through, to be closed with the cache. */
  public @Nullable CacheWriter<K, V> writer() {
    return writer;
  }

  /** Makes the call an applied action asks for. */
  public void call(K key, WriterCall<V> call) {
    switch (call.kind()) {
      case WRITE:
        write(key, Objects.requireNonNull(call.value(), "a write call carries the value to write"));
        break;
      case DELETE:
        delete(key);
        break;
      default:
        break;
    }
  }

  private void write(K key, V value) {
    try {
      requireWriter().write(new ImmutableCacheEntry<>(key, value));
    } catch (Exception e) {
      throw failure(e, "write of key " + key);
    }
  }

  private void delete(K key) {
    try {
      requireWriter().delete(key);
    } catch (Exception e) {
      throw failure(e, "delete of key " + key);
    }
  }

  /**
   * Writes {@code toStore} through; entries the writer did not write are removed from it.
   *
   * @return the writer's failure, to be thrown once the written entries are stored; {@code null}
   */
  public @Nullable CacheWriterException writeAll(Map<K, V> toStore) {
    List<Cache.Entry<? extends K, ? extends V>> pending = new ArrayList<>(toStore.size());
    for (Map.Entry<K, V> entry : toStore.entrySet()) {
      pending.add(new ImmutableCacheEntry<>(entry.getKey(), entry.getValue()));
    }
    try {
      requireWriter().writeAll(pending);
      return null;
    } catch (Exception e) {
      for (Cache.Entry<? extends K, ? extends V> failed : pending) {
        toStore.remove(failed.getKey());
      }
      return failure(e, "writeAll");
    }
  }

  /**
   * Deletes {@code toRemove} through; keys the writer did not delete are removed from it.
   *
   * @return the writer's failure, to be thrown once the deleted keys are removed; {@code null}
   */
  public @Nullable CacheWriterException deleteAll(Set<K> toRemove) {
    List<K> pending = new ArrayList<>(toRemove);
    try {
      requireWriter().deleteAll(pending);
      return null;
    } catch (Exception e) {
      pending.forEach(toRemove::remove);
      return failure(e, "deleteAll");
    }
  }

  /** The writer; only a cache that writes through ({@link #isEnabled()}) calls it. */
  private CacheWriter<K, V> requireWriter() {
    return Objects.requireNonNull(writer, "only a write-through cache calls its writer");
  }

  private CacheWriterException failure(Exception e, String operation) {
    return e instanceof CacheWriterException
        ? (CacheWriterException) e
        : new CacheWriterException("Cache '" + cacheName + "': the cache writer failed in " + operation, e);
  }
}
