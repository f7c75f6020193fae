package io.github.corebackend.cache.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the stores of one cache manager share, such as the connection to one Redis deployment: made
 * on first request, closed with the manager (last made, first closed).
 */
public final class SharedResources implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SharedResources.class.getName());

  private final Map<Object, AutoCloseable> resources = new LinkedHashMap<>();
  private boolean closed;

  /**
   * The resource known by {@code key}, made by {@code factory} on first request.
   *
   * @param key equal for requests that may share the resource
   * @throws IllegalStateException once the manager is closed
   */
  public synchronized <T extends AutoCloseable> T get(Object key, Class<T> type, Supplier<T> factory) {
    if (closed) {
      throw new IllegalStateException("The cache manager is closed");
    }
    AutoCloseable resource = resources.get(key);
    if (resource == null) {
      resource = factory.get();
      resources.put(key, resource);
    }
    return type.cast(resource);
  }

  /** Closes every resource; failures are logged, so that the others still close. */
  @Override
  public void close() {
    List<AutoCloseable> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(resources.values());
      resources.clear();
    }
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "Closing " + toClose.get(i) + " failed", e);
      }
    }
  }
}
