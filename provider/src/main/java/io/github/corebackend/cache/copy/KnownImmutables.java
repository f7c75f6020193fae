package io.github.corebackend.cache.copy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * The classes whose instances a store-by-value cache keeps as they are, because a copy would be
 * equal and useless: immutable JDK types, enums, and the keys and entries of Hibernate ORM's
 * second-level cache.
 *
 * <p>Hibernate's are immutable by contract rather than by the JDK's guarantee: their fields are
 * final, Hibernate builds a fresh instance (over freshly disassembled state) for every put and copies
 * out of it when it reads, and never changes one it handed to a cache (its own region factories keep
 * them by reference). Hibernate's only mutable cache value, the soft lock of a read-write region
 * ({@code AbstractReadWriteAccess$SoftLockImpl}), is not among them and is copied. Keeping these by
 * reference saves a serialization per put and per read, and lets reference entries
 * ({@code hibernate.cache.use_reference_entries}), which hold entity instances, live in a cache at
 * all. They are named as strings: the provider does not depend on Hibernate.
 */
final class KnownImmutables {

  private static final Set<Class<?>> JDK = Set.of(
      String.class, Boolean.class, Character.class, Byte.class, Short.class, Integer.class, Long.class,
      Float.class, Double.class, BigInteger.class, BigDecimal.class, UUID.class, Class.class,
      Instant.class, Duration.class, LocalDate.class, LocalTime.class, LocalDateTime.class,
      OffsetDateTime.class, ZonedDateTime.class);

  /** The same in Hibernate ORM 6 and 7. */
  private static final Set<String> HIBERNATE = Set.of(
      "org.hibernate.cache.internal.CacheKeyImplementation",
      "org.hibernate.cache.internal.BasicCacheKeyImplementation",
      "org.hibernate.cache.internal.NaturalIdCacheKey",
      "org.hibernate.cache.spi.QueryKey",
      "org.hibernate.cache.internal.QueryResultsCacheImpl$CacheItem",
      "org.hibernate.cache.spi.entry.StandardCacheEntryImpl",
      "org.hibernate.cache.spi.entry.ReferenceCacheEntryImpl",
      "org.hibernate.cache.spi.entry.CollectionCacheEntry",
      "org.hibernate.cache.spi.support.AbstractReadWriteAccess$Item");

  /** Decided once per class: a lookup afterwards, with no string hashing on the hot path. */
  private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return JDK.contains(type) || Enum.class.isAssignableFrom(type) || HIBERNATE.contains(type.getName());
    }
  };

  private KnownImmutables() {}

  /** Whether {@code value} is of a class listed above. */
  static boolean contains(Object value) {
    return IMMUTABLE.get(value.getClass());
  }
}
