package io.github.corebackend.cache.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Parses configured durations: {@code 250ms}, {@code 90s}, {@code 5m}, {@code 1h}, {@code 2d}, or
 * ISO-8601 such as {@code PT1H}. A bare number is rejected (is {@code 30} seconds or milliseconds?),
 * except {@code 0}, which means "none".
 */
public final class Durations {

  private Durations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException saying what a duration looks like when the text is not one
   */
  public static Duration parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.equals("0")) {
        return Duration.ZERO;
      }
      if (value.startsWith("p")) {
        return nonNegative(Duration.parse(value.toUpperCase(Locale.ROOT)));
      }
      if (value.endsWith("ms")) {
        return nonNegative(Duration.ofMillis(number(value, 2)));
      }
      switch (value.isEmpty() ? ' ' : value.charAt(value.length() - 1)) {
        case 's':
          return nonNegative(Duration.ofSeconds(number(value, 1)));
        case 'm':
          return nonNegative(Duration.ofMinutes(number(value, 1)));
        case 'h':
          return nonNegative(Duration.ofHours(number(value, 1)));
        case 'd':
          return nonNegative(Duration.ofDays(number(value, 1)));
        default:
          throw notADuration(null);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw notADuration(e);
    }
  }

  private static long number(String value, int suffixLength) {
    return Long.parseLong(value.substring(0, value.length() - suffixLength).trim());
  }

  private static Duration nonNegative(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a duration must not be negative");
    }
    return duration;
  }

  private static IllegalArgumentException notADuration(@Nullable Exception cause) {
    return new IllegalArgumentException(
        "not a duration: use a unit, e.g. 250ms, 90s, 5m, 1h, 2d, or ISO-8601 such as PT1H", cause);
  }
}
