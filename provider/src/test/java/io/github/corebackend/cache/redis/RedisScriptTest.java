package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.spi.EntryState;
import io.github.corebackend.cache.spi.WriteKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scripts share the JVM's decision table: what they are sent is the table, cell by cell. */
class RedisScriptTest {

  @Test
  void theWriteScriptCarriesTheDecisionTableOfWriteKind() {
    String source = RedisScript.WRITE.source();
    for (WriteKind kind : WriteKind.values()) {
      Matcher row = Pattern.compile("\\n  " + kind.scriptName() + " = \\{([^}]*)\\},").matcher(source);
      assertTrue(row.find(), "a row for " + kind);
      List<String> expected = new ArrayList<>();
      for (EntryState state : EntryState.values()) {
        expected.add("CHANGE." + kind.decide(state).change().name());
      }
      assertEquals(expected, List.of(row.group(1).replaceAll(",\\s*$", "").split(",\\s*")), kind.name());
    }
  }

  @Test
  void everyScriptStartsWithTheSharedTablesAndHasItsOwnDigest() {
    for (RedisScript script : RedisScript.values()) {
      assertTrue(script.source().startsWith(RedisScript.SharedTables.LUA), script.name());
      assertEquals(40, script.sha1().length());
    }
    assertEquals(RedisScript.values().length,
        List.of(RedisScript.values()).stream().map(RedisScript::sha1).distinct().count());
  }

  @Test
  void lockKeysLieInTheSlotOfTheirEntryAndOutsideEveryPrefix() {
    for (String entry : List.of("ns:cache:alice", "ns:cache:{tagged}", "a{b:c:d", "x")) {
      byte[] entryKey = entry.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int slot = LockKeys.slotOf(entryKey);
      byte[] lockKey = LockKeys.of(entryKey, slot);
      int close = indexOf(lockKey, (byte) '}');
      byte[] tag = java.util.Arrays.copyOfRange(lockKey, 1, close);
      assertEquals(slot, LockKeys.slotOf(tag), "the tag hashes to the entry's slot");
      assertEquals('{', lockKey[0]);
      assertEquals((byte) 0xFF, lockKey[close + 1], "no UTF-8 prefix can match a lock key");
    }
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
