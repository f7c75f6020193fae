package io.github.corebackend.cache.redis.lettuce;

import java.util.regex.Pattern;

/**
 * What went wrong in Lettuce, in words for the message of a failure whose caller names the address
 * already: Lettuce's and Netty's wrappers name it again ("Unable to connect to host/&lt;unresolved&gt;:port",
 * "Connection refused: /127.0.0.1:port"), their innermost cause says what happened.
 */
final class LettuceFailures {

  /** How Netty appends the remote address to a message, e.g. {@code ": /127.0.0.1:6379"}. */
  private static final Pattern TRAILING_ADDRESS = Pattern.compile(":\\s*\\S*/\\S*:\\d+$");

  private LettuceFailures() {}

  /**
   * A {@link LinkageError} met while connecting, in words: Lettuce and the libraries beside it (Netty
   * above all) do not fit, which no retry mends. Names the versions found and what fits.
   */
  static String linkage(LinkageError error) {
    return LettuceNetty.found() + ": " + error + ". Lettuce 7 needs Netty 4.2, Lettuce 6 runs on Netty 4.1: give"
        + " the application a pair that fits, every Netty module at one version";
  }

  /** The innermost cause's message, without a trailing address; its class name when it has none. */
  static String reason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getName();
    }
    return TRAILING_ADDRESS.matcher(message.trim()).replaceFirst("");
  }
}
