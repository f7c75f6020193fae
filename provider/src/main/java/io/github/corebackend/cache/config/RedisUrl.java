package io.github.corebackend.cache.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One configured Redis URL, split where its credentials end so that no message can show them: the
 * scheme, the user information ({@code user:password}, {@code :password} or {@code password}) and the
 * rest (hosts, database, query, Sentinel master).
 *
 * <p>The user information ends at the URL's last {@code @}, so a password may hold any character,
 * {@code / # @ : % ? ,} included; only a user name cannot hold a raw {@code :}. {@code %XX} sequences
 * in it are decoded as UTF-8 ({@code %40} is {@code @}); a {@code %} that starts no such sequence
 * stands for itself, and a password that holds {@code %} followed by two hex digits writes that
 * {@code %} as {@code %25}. Several URLs may be listed, separated by commas, each with its scheme.
 */
public final class RedisUrl {

  /** A comma that starts the next URL of a list: one followed by a scheme. */
  private static final Pattern NEXT_URL = Pattern.compile(",\\s*(?=[A-Za-z][A-Za-z0-9+.-]*://)");
  private static final String MASK = "***";

  private final String scheme;
  private final @Nullable String userInfo;
  private final String rest;

  private RedisUrl(String scheme, @Nullable String userInfo, String rest) {
    this.scheme = scheme;
    this.userInfo = userInfo;
    this.rest = rest;
  }

  /**
   * The URLs of a configured address: one, or several separated by commas.
   *
   * @throws IllegalArgumentException when one has no scheme; the message shows no credentials
   */
  public static List<RedisUrl> listOf(String text) {
    List<RedisUrl> urls = new ArrayList<>();
    for (String part : NEXT_URL.split(text.trim(), -1)) {
      String url = part.trim();
      int schemeEnd = url.indexOf("://");
      if (schemeEnd <= 0) {
        throw new IllegalArgumentException(
            "not a Redis address: use redis://, rediss://, redis-sentinel:// or redis-cluster://");
      }
      String afterScheme = url.substring(schemeEnd + 3);
      int at = afterScheme.lastIndexOf('@');
      urls.add(new RedisUrl(url.substring(0, schemeEnd).toLowerCase(Locale.ROOT),
          at < 0 ? null : afterScheme.substring(0, at), afterScheme.substring(at + 1)));
    }
    return urls;
  }

  /**
   * {@code text} with the credentials of every URL in it masked, for messages; anything up to a last
   * {@code @} counts as credentials, even in text that is no URL. Never fails.
   */
  public static String masked(String text) {
    List<String> parts = new ArrayList<>();
    for (String part : NEXT_URL.split(text, -1)) {
      int schemeEnd = part.indexOf("://");
      int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
      int at = part.lastIndexOf('@');
      parts.add(at < start ? withoutStrayPassword(part, start) : part.substring(0, start) + MASK + part.substring(at));
    }
    return String.join(",", parts);
  }

  /**
   * {@code part}, which has no {@code @}, masked from the first {@code :} after {@code start} that
   * is not followed by a port number: in {@code redis://user:secret}, with the {@code @host} part
   * forgotten, what would be the port is the password.
   */
  private static String withoutStrayPassword(String part, int start) {
    int colon = part.indexOf(':', Math.max(start, part.indexOf(']') + 1)); // an IPv6 host's colons are no port's
    while (colon >= 0) {
      int end = colon + 1;
      while (end < part.length() && ",/?#".indexOf(part.charAt(end)) < 0) {
        end++;
      }
      String port = part.substring(colon + 1, end);
      if (port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
        return part.substring(0, colon + 1) + MASK;
      }
      colon = part.indexOf(':', end);
    }
    return part;
  }

  /** The scheme, lower case, e.g. {@code redis}. */
  public String scheme() {
    return scheme;
  }

  /** What follows the credentials: hosts, and the database, query or Sentinel master if given. */
  public String rest() {
    return rest;
  }

  /** The URL without its credentials: {@code <scheme>://<rest>}. */
  public String withoutCredentials() {
    return scheme + "://" + rest;
  }

  /** The user, decoded; {@code null} when the URL names none (no credentials, or a password alone). */
  public @Nullable String user() {
    if (userInfo == null) {
      return null;
    }
    int colon = userInfo.indexOf(':');
    return colon > 0 ? decode(userInfo.substring(0, colon)) : null;
  }

  /** The password, decoded; {@code null} when the URL has none. */
  public @Nullable String password() {
    if (userInfo == null) {
      return null;
    }
    int colon = userInfo.indexOf(':');
    String password = decode(colon >= 0 ? userInfo.substring(colon + 1) : userInfo);
    return password.isEmpty() ? null : password;
  }

  /** The URL with its credentials masked: safe in any message. */
  @Override
  public String toString() {
    return scheme + "://" + (userInfo == null ? "" : MASK + "@") + rest;
  }

  /** Decodes {@code %XX} sequences as UTF-8; any other {@code %} stands for itself. */
  private static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int end = i + Character.charCount(text.codePointAt(i));
        bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }
}
