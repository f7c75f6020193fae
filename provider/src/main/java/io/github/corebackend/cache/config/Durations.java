package io.github.corebackend.cache.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

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
   * @param name the setting's name, for the error message
   * @throws IllegalArgumentException naming the setting when the text is not a duration
   */
  public static Duration parse(String name, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.equals("0")) {
        return Duration.ZERO;
      }
      if (value.startsWith("p")) {
        return nonNegative(name, text, Duration.parse(value.toUpperCase(Locale.ROOT)));
      }
      if (value.endsWith("ms")) {
        return nonNegative(name, text, Duration.ofMillis(number(value, 2)));
      }
      switch (value.isEmpty() ? ' ' : value.charAt(value.length() - 1)) {
        case 's':
          return nonNegative(name, text, Duration.ofSeconds(number(value, 1)));
        case 'm':
          return nonNegative(name, text, Duration.ofMinutes(number(value, 1)));
        case 'h':
          return nonNegative(name, text, Duration.ofHours(number(value, 1)));
        case 'd':
          return nonNegative(name, text, Duration.ofDays(number(value, 1)));
        default:
          throw invalid(name, text, null);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalid(name, text, e);
    }
  }

  private static long number(String value, int suffixLength) {
    return Long.parseLong(value.substring(0, value.length() - suffixLength).trim());
  }

  private static Duration nonNegative(String name, String text, Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: '" + text + "'");
    }
    return duration;
  }

  private static IllegalArgumentException invalid(String name, String text, Exception cause) {
    return new IllegalArgumentException(name + " is not a duration: '" + text
        + "' (use a unit, e.g. 250ms, 90s, 5m, 1h, 2d, or ISO-8601 such as PT1H)", cause);
  }
}
