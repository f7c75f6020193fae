package io.github.corebackend.cache.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFileExampleTest {

  @Test
  void declaredCachesAndRunTimeCachesFollowTheFile() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConfigFileExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(List.of(
        "products holds 3 of 5 entries (cache.memory.max-items.products=3)",
        "after 600 ms, session:42 = null (cache.default-ttl.sessions=500ms)",
        "a region created at run time: statistics true, expiry 600000 milliseconds (the file's defaults)",
        "a cache the file does not declare: null"), lines);
  }
}
