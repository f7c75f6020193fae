package io.github.corebackend.cache.config;

import java.util.Locale;

/** Where a cache keeps its entries. */
public enum Backend {
  /** In this JVM's heap; needs nothing else. */
  MEMORY,
  /** In a Redis server shared by every JVM that points at it; needs Lettuce on the classpath. */
  REDIS;

  /** Parses a configured name such as {@code memory} or {@code REDIS}. */
  public static Backend parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("use memory or redis", e);
    }
  }
}
