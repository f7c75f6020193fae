package io.github.corebackend.cache.serial;

import javax.cache.CacheException;

/**
 * A key or value could not be turned into bytes or back: it is not serializable, its class is not
 * allowed, or the stored bytes are corrupt. The message names the cache and, where known, the key.
 */
public class CacheSerializationException extends CacheException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and its cause. */
  public CacheSerializationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception with a message. */
  public CacheSerializationException(String message) {
    super(message);
  }
}
