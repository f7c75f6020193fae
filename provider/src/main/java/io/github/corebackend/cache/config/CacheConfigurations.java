package io.github.corebackend.cache.config;

import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ExpiryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Meets a cache's JCache {@link Configuration} with its settings: what the configuration says
 * explicitly wins; the settings apply where it is at the JCache default.
 */
public final class CacheConfigurations {

  private CacheConfigurations() {}

  /**
   * The cache's own copy of its configuration with what the settings turn on: statistics,
   * management, and store-by-reference when the backend supports it. A configuration that already
   * turns one on keeps it.
   */
  @SuppressWarnings("unchecked")
  public static <K, V> MutableConfiguration<K, V> configured(Configuration<K, V> given, CacheSettings settings,
      boolean backendStoresByReference) {
    MutableConfiguration<K, V> configuration = given instanceof CompleteConfiguration
        ? new MutableConfiguration<>((CompleteConfiguration<K, V>) given)
        : new MutableConfiguration<K, V>().setTypes(given.getKeyType(), given.getValueType())
            .setStoreByValue(given.isStoreByValue());
    if (settings.statistics()) {
      configuration.setStatisticsEnabled(true);
    }
    if (settings.management()) {
      configuration.setManagementEnabled(true);
    }
    if (backendStoresByReference && settings.memoryStoreByReference()) {
      configuration.setStoreByValue(false);
    }
    return configuration;
  }

  /** The expiry a cache configured as eternal gets from {@code cache.default-ttl}, or {@code null}. */
  public static @Nullable Factory<ExpiryPolicy> defaultExpiry(CacheSettings settings) {
    return settings.defaultTtl().isZero() ? null : settings.expiryKind().factoryOf(settings.defaultTtl());
  }
}
