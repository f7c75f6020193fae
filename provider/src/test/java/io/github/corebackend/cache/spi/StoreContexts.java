package io.github.corebackend.cache.spi;

import io.github.corebackend.cache.config.CacheSettings;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** Contexts for building stores in tests, with only the settings given and resources closed by the test. */
public final class StoreContexts {

  private StoreContexts() {}

  /** A context for a {@code String -> String} cache in a fresh namespace, with the settings given. */
  public static StoreContext<String, String> of(StoreEvents<String, String> events, SharedResources resources,
      String... keysAndValues) {
    Properties properties = new Properties();
    properties.setProperty("cache.namespace", "contract-" + UUID.randomUUID());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    CacheSettings settings = CacheSettings.resolve(properties, new Properties(), Map.of()).forCache("contract");
    return new StoreContext<>("contract", settings, String.class, String.class, true,
        StoreContexts.class.getClassLoader(), events, TimeSource.SYSTEM, resources);
  }
}
