package io.github.corebackend.cache.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Lua scripts the Redis store runs, one per kind of atomic step. Each is sent once per server
 * (by EVAL when the server answers NOSCRIPT) and afterwards invoked by its SHA-1 digest.
 */
public enum RedisScript {
  /** Reads entries, applying access expiry and reporting those found expired. */
  READ("read.lua"),
  /** Creates, updates or removes entries as a {@code WriteOp} says. */
  WRITE("write.lua"),
  /** Tells whether a live entry exists. */
  EXISTS("exists.lua"),
  /** Applies a JVM-side decision if the entry did not change meanwhile. */
  CAS("cas.lua");

  private final String source;
  private final String sha1;

  RedisScript(String file) {
    this.source = read("common.lua") + "\n" + read(file);
    this.sha1 = sha1(source);
  }

  /** The Lua source. */
  public String source() {
    return source;
  }

  /** The SHA-1 digest of the source, in lower-case hexadecimal, as EVALSHA wants it. */
  public String sha1() {
    return sha1;
  }

  private static String read(String file) {
    try (InputStream in = RedisScript.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("Missing script resource " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(40);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JVM", e);
    }
  }
}
