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
}
