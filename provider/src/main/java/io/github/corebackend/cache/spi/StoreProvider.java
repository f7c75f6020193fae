package io.github.corebackend.cache.spi;

import io.github.corebackend.cache.config.CacheSettings;
import io.github.corebackend.cache.health.BackendHealth;
import java.util.Map;

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

  /**
   * The health of what this backend's stores with {@code settings} rely on, within the settings'
   * timeouts. By default a backend in this JVM, always up.
   *
   * @param resources the manager's, where a backend finds (or makes) what its stores share
   */
  default BackendHealth health(CacheSettings settings, SharedResources resources) {
    return BackendHealth.up(name(), "", null, "in this JVM", Map.of());
  }
}
