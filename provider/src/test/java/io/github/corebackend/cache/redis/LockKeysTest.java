package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.serial.ClassAllowList;
import io.github.corebackend.cache.serial.JdkSerializer;
import io.lettuce.core.cluster.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lock keys lie in their entry's cluster slot (as Lettuce's {@link SlotHash} computes it, hash tags
 * and all), start with their namespace's prefix, and can be taken for no cache's key, whatever braces
 * the namespace, the cache name or the key hold.
 */
class LockKeysTest {

  private static final List<String> CACHES = List.of("users", "", "c{1}", "{", "}", "a:b", "x\\y{");
  private static final List<Object> KEYS = List.of("alice", "{tag}", "a{b}c", "}", "{", "{}", "", "ü{ñ}",
      "x".repeat(300) + "{y", 42L, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));

  private final JdkSerializer serializer =
      JdkSerializer.withAllowList(getClass().getClassLoader(), ClassAllowList.of("java.util.*"));

  @ParameterizedTest
  @ValueSource(strings = {"tenant1", "a{b", "a{b}c", "a{}b", "{", "}", "{}", "}{", "{}{x}", "a}b{c}d", "x{y:z",
      "x:y\\z{", "ünï{cödé", "a{{b}", "{:}", "a\\{b"})
  void lockKeysLieInTheEntrysSlotStartWithTheNamespaceAndAreNoCachesKey(String namespace) {
    byte[] namespacePrefix = (namespace.replace("\\", "\\\\").replace(":", "\\:") + ":")
        .getBytes(StandardCharsets.UTF_8);
    Set<String> distinct = new HashSet<>();
    int count = 0;
    for (String cache : CACHES) {
      KeyCodec<Object> codec = new KeyCodec<>(namespace, cache, serializer, Object.class);
      LockKeys lockKeys = new LockKeys(codec.prefix());
      for (Object key : KEYS) {
        byte[] entryKey = codec.encode(key);
        int slot = SlotHash.getSlot(entryKey);
        byte[] lockKey = lockKeys.of(entryKey, slot);
        String shown = KeyCodec.printable(lockKey);

        assertEquals(slot, SlotHash.getSlot(lockKey), shown);
        assertTrue(startsWith(lockKey, namespacePrefix), shown);
        assertEquals((byte) 0xFF, lockKey[namespacePrefix.length], shown);
        for (String other : CACHES) {
          assertFalse(startsWith(lockKey, new KeyCodec<>(namespace, other, serializer, Object.class).prefix()
              .getBytes(StandardCharsets.UTF_8)), shown + " in cache '" + other + "'");
        }
        distinct.add(new String(lockKey, StandardCharsets.ISO_8859_1));
        count++;
      }
    }
    assertEquals(count, distinct.size(), "every entry has a lock key of its own");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5460, 5461, 10922, 16383})
  void aStandaloneServersSlotZeroAndEverySlotOfAClusterAreReached(int slot) {
    for (String namespace : List.of("plain", "open{", "{}whole")) {
      byte[] entryKey = ("ns:c:" + slot).getBytes(StandardCharsets.UTF_8);
      byte[] lockKey = new LockKeys(namespace + ":c:").of(entryKey, slot);
      assertEquals(slot, SlotHash.getSlot(lockKey), namespace);
    }
  }

  private static boolean startsWith(byte[] key, byte[] start) {
    return key.length >= start.length && Arrays.equals(key, 0, start.length, start, 0, start.length);
  }
}
