package io.github.corebackend.cache.spi;

import javax.cache.CacheException;
import org.jspecify.annotations.Nullable;

/**
 * The store behind a cache failed: a Redis server that is down, too slow (past the configured
 * timeout) or answering with an error. The message names the cache, the server's address and the
 * operation. Nothing was changed unless the server had already applied the command; the cache works
 * again as soon as the server does.
 */
public class CacheBackendException extends CacheException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and its cause, or {@code null} when it has none. */
  public CacheBackendException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
