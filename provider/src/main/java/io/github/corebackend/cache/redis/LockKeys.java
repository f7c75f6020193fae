package io.github.corebackend.cache.redis;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Redis key of an entry's lock, and the tokens that tell one guard's lock from another's.
 *
 * <p>A lock key is an opening brace, a tag, a closing brace, a {@code 0xFF} byte and the entry's key.
 * The tag is a short text that hashes to the entry's cluster slot, so that one script can touch both
 * keys on any deployment. The brace right after the tag ends the hash tag, and the {@code 0xFF} byte
 * never occurs in a UTF-8 namespace, so no cache's key prefix (its SCAN pattern, its near-cache
 * tracking prefix) can match a lock key.
 */
final class LockKeys {

  private static final int SLOTS = 16384;
  private static final byte[] ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes(StandardCharsets.US_ASCII);
  private static final String JVM_TOKEN = Long.toHexString(Double.doubleToLongBits(Math.random()))
      + Long.toHexString(System.nanoTime());
  private static final AtomicLong TOKENS = new AtomicLong();

  private LockKeys() {}

  /** The lock key of {@code entryKey}, which lies in cluster slot {@code slot}. */
  static byte[] of(byte[] entryKey, int slot) {
    byte[] tag = Tags.TABLE[slot];
    byte[] lockKey = new byte[tag.length + 3 + entryKey.length];
    lockKey[0] = '{';
    System.arraycopy(tag, 0, lockKey, 1, tag.length);
    lockKey[tag.length + 1] = '}';
    lockKey[tag.length + 2] = (byte) 0xFF;
    System.arraycopy(entryKey, 0, lockKey, tag.length + 3, entryKey.length);
    return lockKey;
  }

  /** A token no other guard, in this JVM or another, holds. */
  static byte[] newToken() {
    return (JVM_TOKEN + ":" + TOKENS.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
  }

  /** The cluster slot of a key, as Redis computes it for a key without a hash tag. */
  static int slotOf(byte[] key) {
    return crc16(key) & (SLOTS - 1);
  }

  /** CRC-16/XMODEM, the hash of Redis Cluster. */
  private static int crc16(byte[] bytes) {
    int crc = 0;
    for (byte b : bytes) {
      crc ^= (b & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      crc &= 0xFFFF;
    }
    return crc;
  }

  /** For every slot, the shortest text over {@link #ALPHABET} that hashes to it; built on first use. */
  private static final class Tags {
    static final byte[][] TABLE = build();

    private Tags() {}

    private static byte[][] build() {
      byte[][] table = new byte[SLOTS][];
      int found = 0;
      for (int length = 1; found < SLOTS; length++) {
        int[] digits = new int[length];
        byte[] text = new byte[length];
        while (true) {
          for (int i = 0; i < length; i++) {
            text[i] = ALPHABET[digits[i]];
          }
          int slot = slotOf(text);
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
