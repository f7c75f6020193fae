package io.github.corebackend.cache.spi;

import javax.cache.CacheException;
import org.jspecify.annotations.Nullable;

/**
 * The store behind a cache failed: a Redis server that is down, too slow (past the configured
 * timeout) or answering with an error. The message names the cache, the JCache operation, its key
 * and the server's address.
 *
 * <p>A read changed nothing. A write that failed before it was sent (no connection) changed nothing
 * either; but a write that timed out may have reached the server and be applied there, then or
 * later: after such a failure the entry holds either its old value or the new one. The cache works
 * again as soon as the server does.
 */
public class CacheBackendException extends CacheException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and its cause, or {@code null} when it has none. */
  public CacheBackendException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
