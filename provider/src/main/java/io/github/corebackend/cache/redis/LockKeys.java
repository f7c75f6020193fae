package io.github.corebackend.cache.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Redis keys of one namespace's entry locks, and the tokens that tell one guard's lock from
 * another's.
 *
 * <p>A lock key is {@code <escaped namespace>:}, a {@code 0xFF} byte, an open brace, a tag, a close
 * brace and the entry's key. It starts with the namespace's prefix, so an ACL that gives a cache user
 * {@code ~<namespace>:*} covers it; the {@code 0xFF} byte never occurs in UTF-8, so no cache's key
 * prefix ({@code <namespace>:<cache>:}, its SCAN pattern and near-cache tracking prefix) can match a
 * lock key, nor can an entry's key be one.
 *
 * <p>The lock must lie in its entry's cluster slot, so that one script touches both. Redis hashes the
 * text between a key's first open brace and the next close brace when there is text between, else
 * the whole key; what that is for a lock key depends on the braces of the namespace:
 * <ul>
 *   <li>none: the hash tag is the tag, a short text chosen to hash to the entry's slot;
 *   <li>an open brace closed inside the namespace with text between: the entry's key has the same
 *       hash tag, so the lock lies in its slot whatever the tag;
 *   <li>an open brace left open: the hash tag runs from it to the close brace after the tag, and the
 *       tag is chosen for that whole text;
 *   <li>an open brace closed at once: Redis hashes the whole key, and the tag is two bytes computed
 *       for it (CRC-16 is linear, so exactly one pair of bytes gives a chosen hash).
 * </ul>
 */
final class LockKeys {

  private static final int SLOTS = 16384;
  private static final int POLYNOMIAL = 0x1021;
  private static final byte[] ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes(StandardCharsets.US_ASCII);
  private static final String JVM_TOKEN = Long.toHexString(Double.doubleToLongBits(Math.random()))
      + Long.toHexString(System.nanoTime());
  private static final AtomicLong TOKENS = new AtomicLong();

  /** How the namespace's braces decide a lock key's hash tag. */
  private enum Layout {
    /** The tag is hashed with what precedes it since the open brace: a table of tags applies. */
    TAGGED,
    /** The namespace holds the hash tag: any tag will do. */
    FIXED,
    /** The whole key is hashed: the tag is computed for each key. */
    WHOLE_KEY
  }

  /** The namespace's prefix, the {@code 0xFF} byte and the open brace. */
  private final byte[] start;
  private final Layout layout;
  /** For {@link Layout#TAGGED}: per slot, the shortest tag that puts a lock key there. */
  private final byte[][] tags;

  /**
   * The lock keys of the namespace of a cache whose keys start with {@code cachePrefix}
   * ({@code <escaped namespace>:<escaped cache>:}, see {@link KeyCodec}).
   */
  LockKeys(String cachePrefix) {
    byte[] namespace = namespacePrefix(cachePrefix).getBytes(StandardCharsets.UTF_8);
    this.start = Arrays.copyOf(namespace, namespace.length + 2);
    start[namespace.length] = (byte) 0xFF;
    start[namespace.length + 1] = '{';
    int open = indexOf(start, (byte) '{', 0);
    int close = indexOf(start, (byte) '}', open + 1);
    if (open == start.length - 1) {
      layout = Layout.TAGGED;
      tags = Tags.FROM_EMPTY;
    } else if (close < 0) {
      layout = Layout.TAGGED;
      tags = Tags.build(crc16(0, start, open + 1, start.length));
    } else {
      layout = close == open + 1 ? Layout.WHOLE_KEY : Layout.FIXED;
      tags = Tags.FROM_EMPTY;
    }
  }

  /** The lock key of {@code entryKey}, which lies in cluster slot {@code slot}. */
  byte[] of(byte[] entryKey, int slot) {
    byte[] tag = layout == Layout.WHOLE_KEY ? new byte[2] : tags[slot];
    byte[] lockKey = new byte[start.length + tag.length + 1 + entryKey.length];
    System.arraycopy(start, 0, lockKey, 0, start.length);
    System.arraycopy(tag, 0, lockKey, start.length, tag.length);
    lockKey[start.length + tag.length] = '}';
    System.arraycopy(entryKey, 0, lockKey, start.length + tag.length + 1, entryKey.length);
    if (layout == Layout.WHOLE_KEY) {
      forceSlot(lockKey, start.length, slot);
    }
    return lockKey;
  }

  /** A token no other guard, in this JVM or another, holds. */
  static byte[] newToken() {
    return (JVM_TOKEN + ":" + TOKENS.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Sets the two bytes at {@code at} (zero on entry) so that the whole key hashes to {@code slot}. With
   * CRC-16 linear and starting from zero, the bytes change the key's CRC by their own CRC followed by
   * as many zero bytes as follow them: the bytes are the wanted change times x^-(16 + 8 n) modulo
   * the polynomial.
   */
  private static void forceSlot(byte[] key, int at, int slot) {
    int crc = crc16(0, key, 0, key.length);
    int change = ((crc & ~(SLOTS - 1)) | slot) ^ crc;
    int following = key.length - at - 2;
    for (long i = 0; i < 16 + 8L * following; i++) {
      change = (change & 1) != 0 ? ((change ^ POLYNOMIAL) >>> 1) | 0x8000 : change >>> 1;
    }
    key[at] = (byte) (change >>> 8);
    key[at + 1] = (byte) change;
  }

  /** {@code <escaped namespace>:}: the cache prefix up to its first {@code :} not escaped by a backslash. */
  private static String namespacePrefix(String cachePrefix) {
    for (int i = 0; i < cachePrefix.length(); i++) {
      char c = cachePrefix.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ':') {
        return cachePrefix.substring(0, i + 1);
      }
    }
    throw new IllegalArgumentException("Not a cache's key prefix: " + cachePrefix);
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** CRC-16/XMODEM, the hash of Redis Cluster, of {@code bytes[from, to)} continuing from {@code crc}. */
  private static int crc16(int crc, byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      crc ^= (bytes[i] & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
      }
      crc &= 0xFFFF;
    }
    return crc;
  }

  /** Tables of the shortest texts over {@link #ALPHABET} that hash to each slot. */
  private static final class Tags {
    /** For a hash tag that is the tag alone; built on first use. */
    static final byte[][] FROM_EMPTY = build(0);

    private Tags() {}

    /** For a hash tag that is the tag after text whose CRC is {@code crc}. */
    static byte[][] build(int crc) {
      byte[][] table = new byte[SLOTS][];
      int found = 0;
      for (int length = 1; found < SLOTS; length++) {
        int[] digits = new int[length];
        byte[] text = new byte[length];
        while (true) {
          for (int i = 0; i < length; i++) {
            text[i] = ALPHABET[digits[i]];
          }
          int slot = crc16(crc, text, 0, length) & (SLOTS - 1);
          if (table[slot] == null) {
            table[slot] = text.clone();
            found++;
          }
          int position = length - 1;
          while (position >= 0 && ++digits[position] == ALPHABET.length) {
            digits[position--] = 0;
          }
          if (position < 0) {
            break;
          }
        }
      }
      return table;
    }
  }
}
