package io.github.corebackend.cache;

import java.util.function.Function;
import javax.cache.Cache;
import javax.cache.integration.CacheLoaderException;
import org.jspecify.annotations.Nullable;

/**
 * Get-or-load for a cache of this provider, typed by the caller's {@code Cache<K, V>}:
 *
 * <pre>{@code
 * User user = GetOrLoad.get(users, id, repository::findUser);
 * }</pre>
 *
 * <p>For one key, concurrent callers in one JVM run the loader once and all get its value; a loader
 * failure reaches every waiting caller and caches nothing (see {@link UnifiedCache#getOrLoad}).
 */
public final class GetOrLoad {

  private GetOrLoad() {}

  /**
   * Returns the value of {@code key} in {@code cache}, loading and keeping it when absent; {@code null}
   * when the loader returns {@code null}.
   *
   * @throws IllegalArgumentException when {@code cache} is not a cache of this provider
   * @throws CacheLoaderException when the loader fails, with its exception as the cause
   */
  @SuppressWarnings("unchecked")
  public static <K, V> @Nullable V get(Cache<K, V> cache, K key, Function<? super K, ? extends V> loader) {
    return ((UnifiedCache<K, V>) cache.unwrap(UnifiedCache.class)).getOrLoad(key, loader);
  }
}
