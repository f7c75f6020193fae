package io.github.corebackend.cache.expiry;

import io.github.corebackend.cache.spi.EntryExpiry;
import java.util.Set;
import java.util.function.Supplier;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A cache's {@link ExpiryPolicy} in the terms a store understands.
 *
 * <p>The five policies of {@code javax.cache.expiry} always give the same answers, so they are asked
 * once and their answers reused: stores may then send them ahead (one Redis round trip per
 * operation). Any other policy is asked at the moment of each operation, as JCache requires. A policy
 * that throws is treated as the reference implementation does: a creation lasts forever, an update or
 * read leaves the expiry unchanged.
 */
public final class PolicyExpiry implements EntryExpiry {

  private static final Set<Class<?>> FIXED_POLICIES = Set.of(CreatedExpiryPolicy.class,
      AccessedExpiryPolicy.class, ModifiedExpiryPolicy.class, TouchedExpiryPolicy.class,
      EternalExpiryPolicy.class);

  private final ExpiryPolicy policy;
  private final boolean fixed;
  private final long creation;
  private final long update;
  private final long access;

  private PolicyExpiry(ExpiryPolicy policy, boolean fixed, long creation, long update, long access) {
    this.policy = policy;
    this.fixed = fixed;
    this.creation = creation;
    this.update = update;
    this.access = access;
  }

  /** Adapts {@code policy}. */
  public static PolicyExpiry of(ExpiryPolicy policy) {
    if (FIXED_POLICIES.contains(policy.getClass())) {
      return new PolicyExpiry(policy, true, toTtl(policy.getExpiryForCreation(), ETERNAL),
          toTtl(policy.getExpiryForUpdate(), UNCHANGED), toTtl(policy.getExpiryForAccess(), UNCHANGED));
    }
    return new PolicyExpiry(policy, false, 0, 0, 0);
  }

  /**
   * The policy {@code configuration} names, or the default one when it leaves the cache eternal; the
   * configuration then names the default, so that it shows what the cache does.
   *
   * @param defaultExpiry the policy of {@code cache.default-ttl}, or {@code null}
   */
  public static PolicyExpiry configured(MutableConfiguration<?, ?> configuration,
      @Nullable Factory<ExpiryPolicy> defaultExpiry) {
    ExpiryPolicy configured = configuration.getExpiryPolicyFactory().create();
    if (defaultExpiry == null || configured.getClass() != EternalExpiryPolicy.class) {
      return of(configured);
    }
    configuration.setExpiryPolicyFactory(defaultExpiry);
    return of(defaultExpiry.create());
  }

  /** The adapted policy, to be closed with the cache. */
  public ExpiryPolicy policy() {
    return policy;
  }

  @Override
  public long ttlForCreation() {
    return fixed ? creation : ask(policy::getExpiryForCreation, ETERNAL);
  }

  @Override
  public long ttlForUpdate() {
    return fixed ? update : ask(policy::getExpiryForUpdate, UNCHANGED);
  }

  @Override
  public long ttlForAccess() {
    return fixed ? access : ask(policy::getExpiryForAccess, UNCHANGED);
  }

  @Override
  public boolean isFixed() {
    return fixed;
  }

  private static long ask(Supplier<Duration> question, long whenUnknown) {
    try {
      return toTtl(question.get(), whenUnknown);
    } catch (RuntimeException e) {
      return whenUnknown;
    }
  }

  private static long toTtl(@Nullable Duration duration, long whenNull) {
    if (duration == null) {
      return whenNull;
    }
    if (duration.isEternal()) {
      return ETERNAL;
    }
    if (duration.isZero()) {
      return 0;
    }
    return Math.max(1, duration.getTimeUnit().toMillis(duration.getDurationAmount()));
  }
}
