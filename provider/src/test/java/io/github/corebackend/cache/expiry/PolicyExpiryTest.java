package io.github.corebackend.cache.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.spi.EntryExpiry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import org.junit.jupiter.api.Test;

class PolicyExpiryTest {

  @Test
  void standardPoliciesAreAskedOnceAndReportedAsFixed() {
    PolicyExpiry touched = PolicyExpiry.of(new TouchedExpiryPolicy(new Duration(TimeUnit.SECONDS, 2)));

    assertTrue(touched.isFixed());
    assertEquals(2_000, touched.ttlForCreation());
    assertEquals(2_000, touched.ttlForUpdate());
    assertEquals(2_000, touched.ttlForAccess());
  }

  @Test
  void nullDurationsMeanUnchangedAndEternalMeansEternal() {
    PolicyExpiry accessed = PolicyExpiry.of(new AccessedExpiryPolicy(Duration.ZERO));
    PolicyExpiry eternal = PolicyExpiry.of(new EternalExpiryPolicy());

    assertEquals(0, accessed.ttlForCreation());
    assertEquals(EntryExpiry.UNCHANGED, accessed.ttlForUpdate());
    assertEquals(EntryExpiry.ETERNAL, eternal.ttlForCreation());
  }

  @Test
  void customPoliciesAreAskedEachTimeAndFailuresFallBackLikeTheReferenceImplementation() {
    AtomicInteger calls = new AtomicInteger();
    ExpiryPolicy throwing = new ExpiryPolicy() {
      @Override
      public Duration getExpiryForCreation() {
        calls.incrementAndGet();
        throw new IllegalStateException("bug");
      }

      @Override
      public Duration getExpiryForAccess() {
        calls.incrementAndGet();
        throw new IllegalStateException("bug");
      }

      @Override
      public Duration getExpiryForUpdate() {
        calls.incrementAndGet();
        return new Duration(TimeUnit.MILLISECONDS, 7);
      }
    };
    PolicyExpiry expiry = PolicyExpiry.of(throwing);

    assertFalse(expiry.isFixed());
    assertEquals(EntryExpiry.ETERNAL, expiry.ttlForCreation());
    assertEquals(EntryExpiry.UNCHANGED, expiry.ttlForAccess());
    assertEquals(7, expiry.ttlForUpdate());
    assertEquals(7, expiry.ttlForUpdate());
    assertEquals(4, calls.get());
  }
}
