package io.github.corebackend.cache.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BasicExampleTest {

  @Test
  void printsWhatTheCacheDid() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BasicExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals("Provider: io.github.corebackend.cache.UnifiedCachingProvider", lines.get(0));
    assertEquals("get session:42 = alice", lines.get(1));
    assertEquals("get session:7 = null", lines.get(2));
    assertEquals("putIfAbsent session:42 -> false", lines.get(3));
    assertEquals("remove session:43 -> true", lines.get(4));
    assertEquals("after 600 ms, session:42 = null (its 500 ms time-to-live ran out)", lines.get(5));
    assertEquals("typed cache users[1] = Alice", lines.get(6));
    assertEquals("typed cache refuses a String key: Cache 'users': keys must be java.lang.Integer, not "
        + "java.lang.String", lines.get(7));
    assertEquals("statistics of 'sessions': gets=4 hits=2 misses=2 puts=2 removals=1 hit%=50.0", lines.get(8));
  }
}
