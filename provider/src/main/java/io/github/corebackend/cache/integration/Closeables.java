package io.github.corebackend.cache.integration;

import org.jspecify.annotations.Nullable;

/** Closes what a cache created from its configuration's factories, when it closes. */
public final class Closeables {

  private static final System.Logger LOG = System.getLogger(Closeables.class.getName());

  private Closeables() {}

  /**
   * Closes {@code resource} if it is {@link AutoCloseable}; a failure is logged, so that the cache's
   * other resources still close.
   *
   * @param role what the resource is to the cache, e.g. {@code cache loader}
   */
  public static void closeQuietly(@Nullable Object resource, String role, String cacheName) {
    if (resource instanceof AutoCloseable) {
      try {
        ((AutoCloseable) resource).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "Cache '" + cacheName + "': closing the " + role + " failed", e);
      }
    }
  }
}
