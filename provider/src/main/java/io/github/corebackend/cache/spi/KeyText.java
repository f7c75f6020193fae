package io.github.corebackend.cache.spi;

/**
 * A key as error messages show it: its text, cut to a readable length, so that a megabyte key makes a
 * message of a line rather than of a megabyte, and a key whose {@code toString} fails still has one.
 */
public final class KeyText {

  /** Characters of a key's text that a message keeps. */
  static final int LIMIT = 120;

  private KeyText() {}

  /** {@code key}'s text, cut to {@value #LIMIT} characters with the full length said. */
  public static String of(Object key) {
    String text;
    try {
      text = String.valueOf(key);
    } catch (RuntimeException e) {
      return "(a " + key.getClass().getName() + " whose toString() failed: " + e + ")";
    }
    return text.length() <= LIMIT ? text : text.substring(0, LIMIT) + "... (" + text.length() + " characters)";
  }
}
