package io.github.corebackend.cache.config;

import java.util.Locale;

/**
 * Parses configured sizes in bytes: a whole number of bytes ({@code 1048576}) or one with a binary
 * unit, {@code kb}, {@code mb} or {@code gb} ({@code 512mb} is 512 × 1024 × 1024 bytes, as Redis
 * reads its own sizes).
 */
public final class ByteSizes {

  private ByteSizes() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException saying what a size looks like when the text is not one
   */
  public static long parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (value.endsWith("kb")) {
      unit = 1L << 10;
    } else if (value.endsWith("mb")) {
      unit = 1L << 20;
    } else if (value.endsWith("gb")) {
      unit = 1L << 30;
    }
    String digits = unit == 1 ? value : value.substring(0, value.length() - 2).trim();
    try {
      long number = Long.parseLong(digits);
      if (number < 0) {
        throw new IllegalArgumentException("a size must not be negative");
      }
      return Math.multiplyExact(number, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a size: use bytes, or a number with kb, mb or gb, e.g. 512mb", e);
    }
  }
}
