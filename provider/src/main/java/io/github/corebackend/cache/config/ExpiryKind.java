package io.github.corebackend.cache.config;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.cache.configuration.Factory;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;

/** Which JCache expiry policy a configured default TTL becomes. */
public enum ExpiryKind {
  /** Entries live for the TTL from their creation ({@link CreatedExpiryPolicy}). */
  CREATED,
  /** Entries live for the TTL from their creation or last read ({@link AccessedExpiryPolicy}). */
  ACCESSED,
  /** Entries live for the TTL from their creation or last update ({@link ModifiedExpiryPolicy}). */
  MODIFIED,
  /** Entries live for the TTL from their creation, last update or last read ({@link TouchedExpiryPolicy}). */
  TOUCHED;

  /** Parses a configured name such as {@code accessed}. */
  public static ExpiryKind parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("use created, accessed, modified or touched", e);
    }
  }

  /** The factory of this kind of policy with {@code ttl}. */
  public Factory<ExpiryPolicy> factoryOf(Duration ttl) {
    javax.cache.expiry.Duration duration = new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, ttl.toMillis());
    switch (this) {
      case ACCESSED:
        return AccessedExpiryPolicy.factoryOf(duration);
      case MODIFIED:
        return ModifiedExpiryPolicy.factoryOf(duration);
      case TOUCHED:
        return TouchedExpiryPolicy.factoryOf(duration);
      default:
        return CreatedExpiryPolicy.factoryOf(duration);
    }
  }
}
