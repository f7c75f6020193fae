package io.github.corebackend.cache.spi;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The backends on the class path, by name, found once through {@link java.util.ServiceLoader}. */
public final class StoreProviders {

  private static final Map<String, StoreProvider> BY_NAME = load();

  private StoreProviders() {}

  /**
   * The backend called {@code name}.
   *
   * @throws IllegalArgumentException naming the backends there are, when none is called so
   */
  public static StoreProvider named(String name) {
    StoreProvider provider = BY_NAME.get(name);
    if (provider == null) {
      throw new IllegalArgumentException("no backend called '" + name + "'; use one of "
          + String.join(", ", BY_NAME.keySet()));
    }
    return provider;
  }

  private static Map<String, StoreProvider> load() {
    Map<String, StoreProvider> byName = new TreeMap<>();
    for (StoreProvider provider : ServiceLoader.load(StoreProvider.class, StoreProvider.class.getClassLoader())) {
      StoreProvider other = byName.putIfAbsent(provider.name(), provider);
      if (other != null && other.getClass() != provider.getClass()) {
        throw new IllegalStateException("Two backends are called '" + provider.name() + "': "
            + other.getClass().getName() + " and " + provider.getClass().getName());
      }
    }
    return Collections.unmodifiableMap(byName);
  }
}
