package io.github.corebackend.cache.config;

import java.util.Locale;

/** Where a cache keeps its entries. */
public enum Backend {
  /** In this JVM's heap; needs nothing else. */
  MEMORY,
  /** In a Redis server shared by every JVM that points at it; needs Lettuce on the classpath. */
  REDIS,
  /**
   * In Redis, with copies of what this JVM reads kept in memory in front of it and dropped when any
   * JVM changes them; needs Lettuce, and a single Redis server or a Sentinel-managed one.
   */
  NEAR;

  /** Whether the entries live in Redis (so they are kept by value, and Lettuce is needed). */
  public boolean usesRedis() {
    return this != MEMORY;
  }

  /** Parses a configured name such as {@code memory} or {@code REDIS}. */
  public static Backend parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("use memory, redis or near", e);
    }
  }
}
