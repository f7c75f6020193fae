package io.github.corebackend.cache.redis.lettuce;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Shuts a Lettuce client and its resources down, waiting a bounded time for both, so that closing a
 * cache manager leaves no event loop running behind it.
 */
final class LettuceShutdown {

  private static final System.Logger LOG = System.getLogger(LettuceShutdown.class.getName());

  private LettuceShutdown() {}

  /** Closes the client's connections, then its threads, each within {@code timeout}. */
  static void of(AbstractRedisClient client, ClientResources resources, Duration timeout) {
    try {
      client.shutdown(Duration.ZERO, timeout);
    } finally {
      resources(resources, timeout);
    }
  }

  /**
   * Shuts down what an attempt to connect created before it failed with {@code failure}: the client,
   * if it was created, then the resources, each within {@code timeout}. The resources are shut down
   * even when the client's shutdown fails; such a failure, an {@link Error} included (Lettuce on a
   * Netty it cannot link against), is added to {@code failure} as suppressed, never thrown in its
   * place.
   */
  static void afterFailure(@Nullable AbstractRedisClient client, ClientResources resources, Duration timeout,
      Throwable failure) {
    if (client != null) {
      try {
        client.shutdown(Duration.ZERO, timeout);
      } catch (RuntimeException | LinkageError e) {
        failure.addSuppressed(e);
      }
    }
    try {
      resources(resources, timeout);
    } catch (RuntimeException | LinkageError e) {
      failure.addSuppressed(e);
    }
  }

  /** Stops the threads of resources whose client is already shut down, within {@code timeout}. */
  static void resources(ClientResources resources, Duration timeout) {
    try {
      resources.shutdown(0, timeout.toMillis(), TimeUnit.MILLISECONDS).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.DEBUG, "Lettuce's threads did not stop within " + timeout, e);
    }
  }
}
