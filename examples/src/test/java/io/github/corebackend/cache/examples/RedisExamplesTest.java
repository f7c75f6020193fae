package io.github.corebackend.cache.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.redis.RedisTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisExamplesTest {

  private static final RedisTestServer SERVER = RedisTestServer.shared();

  @Test
  void twoJvmsShareTheCacheAndItsCounter() throws Exception {
    List<String> lines = output(out -> RedisExample.run(out, SERVER.url(), "example-test"));

    assertTrue(lines.get(0).startsWith("backend: redis at "), lines.get(0));
    assertEquals("jvm1 put /home = 1; jvm2 reads /home = 1", lines.get(1));
    assertEquals("after 10 increments through invoke from both JVMs: /home = 11", lines.get(2));
    assertEquals("jvm2 putIfAbsent /home -> false", lines.get(3));
    assertEquals("jvm2 remove /home -> true; jvm1 reads /home = null", lines.get(4));
  }

  @Test
  void tenantsStayApart() throws Exception {
    List<String> lines = output(out -> NamespaceExample.run(out, SERVER.url(), "acme", "globex"));

    assertEquals("acme reads alice = Alice of acme  (Redis key acme:users:alice)", lines.get(0));
    assertEquals("globex reads alice = Alice of globex  (Redis key globex:users:alice)", lines.get(1));
    assertEquals("  acme reads alice = null", lines.get(3));
    assertEquals("  globex reads alice = Alice of globex", lines.get(4));
  }

  private interface Example {
    void run(PrintStream out) throws Exception;
  }

  private static List<String> output(Example example) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    example.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
