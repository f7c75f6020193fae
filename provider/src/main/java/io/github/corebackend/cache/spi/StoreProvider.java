package io.github.corebackend.cache.spi;

/**
 * A backend: a kind of store that caches can be configured to use by name ({@code cache.backend}).
 *
 * <p>Backends are found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/io.github.corebackend.cache.spi.StoreProvider}); the provider's own are
 * {@code memory}, {@code redis} and {@code near}. A backend whose library is optional must not link
 * that library before {@link #create} is called.
 */
public interface StoreProvider {

  /** The name caches ask for, e.g. {@code redis}; lower case. */
  String name();

  /** Whether its stores can keep the caller's objects themselves (JCache's store-by-reference). */
  default boolean supportsStoreByReference() {
    return false;
  }

  /**
   * Creates the store of one cache.
   *
   * @throws IllegalArgumentException when the cache's settings do not suit the backend
   * @throws javax.cache.CacheException when a library it needs is missing, naming the artifact
   */
  <K, V> Store<K, V> create(StoreContext<K, V> context);
}
