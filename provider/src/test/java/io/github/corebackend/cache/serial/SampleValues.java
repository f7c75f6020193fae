package io.github.corebackend.cache.serial;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/** Values of the kinds applications cache, for serializer round-trip tests. */
public final class SampleValues {

  private SampleValues() {}

  /** A record, as a Java 17 application would cache it. */
  public record Person(String name, int age, List<String> tags, Instant born) implements Serializable {}

  /** A status an entry may carry. */
  public enum Status { ACTIVE, RETIRED }

  /**
   * Like Hibernate's cache entries: final fields, no default constructor, an array of disassembled
   * state. Only Java serialization can rebuild it.
   */
  public static final class EntitySnapshot implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Serializable[] disassembledState;
    private final String subclass;
    private final Object version;

    public EntitySnapshot(Serializable[] disassembledState, String subclass, Object version) {
      this.disassembledState = disassembledState;
      this.subclass = subclass;
      this.version = version;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof EntitySnapshot snapshot && Arrays.equals(disassembledState, snapshot.disassembledState)
          && subclass.equals(snapshot.subclass) && Objects.equals(version, snapshot.version);
    }

    @Override
    public int hashCode() {
      return Objects.hash(Arrays.hashCode(disassembledState), subclass, version);
    }
  }

  /** A record of the sample. */
  public static Person person() {
    return new Person("Ada", 36, new ArrayList<>(List.of("math", "engines")), Instant.parse("1815-12-10T08:00:00Z"));
  }

  /** Values every serializer must give back equal, in an untyped ({@code Object}) cache. */
  public static List<Object> untypedValues() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("count", 3L);
    map.put("price", new BigDecimal("9.90"));
    return List.of("text", 42, 42L, 2.5d, true, new BigDecimal("1.50"), UUID.fromString(
        "123e4567-e89b-12d3-a456-426614174000"), Status.RETIRED, person(),
        new ArrayList<>(List.of("a", 1L, 2.5d)), map, new TreeSet<>(List.of("x", "y")),
        LocalDate.of(2026, 11, 24), LocalDateTime.of(2026, 11, 24, 15, 30, 5, 123_000_000),
        Instant.parse("2026-11-24T15:30:05.123456789Z"),
        ZonedDateTime.of(2026, 11, 24, 16, 30, 0, 0, ZoneId.of("Europe/Paris")),
        OffsetDateTime.of(2026, 11, 24, 16, 30, 0, 0, ZoneOffset.ofHours(-5)), Duration.ofMinutes(90),
        new long[] {1, 2, 3});
  }

  /** A Hibernate-like cache entry. */
  public static EntitySnapshot entitySnapshot() {
    return new EntitySnapshot(new Serializable[] {"Ada", 36, LocalDate.of(1815, 12, 10), null}, "Person", 7L);
  }
}
