package io.github.corebackend.cache.redis;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test opened (managers, proxies, servers), closed last opened first, so that a manager goes
 * before the proxy or server it talks through. Put it in an {@code @AutoClose} field.
 */
final class Closer implements AutoCloseable {

  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /** Registers {@code closeable} and returns it. */
  <T extends AutoCloseable> T add(T closeable) {
    opened.push(closeable);
    return closeable;
  }

  /** Closes everything, then fails with the first failure (the others suppressed) if any. */
  @Override
  public void close() {
    IllegalStateException first = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("Closing what a test opened failed", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
