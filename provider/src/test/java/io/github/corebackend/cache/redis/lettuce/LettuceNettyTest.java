package io.github.corebackend.cache.redis.lettuce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which Lettuce and Netty pairs are refused, and what the refusal says. Lettuce 7 on Netty 4.1 for
 * real is the lettuce6 module's {@code Lettuce7OnNetty41Test}.
 */
class LettuceNettyTest {

  private static final Map<String, String> NETTY_41 =
      Map.of("netty-common", "4.1.118.Final", "netty-transport", "4.1.118.Final", "netty-handler", "4.1.118.Final");
  private static final Map<String, String> NETTY_42 =
      Map.of("netty-common", "4.2.13.Final", "netty-transport", "4.2.13.Final", "netty-handler", "4.2.13.Final");

  @Test
  void lettuce7OnNetty41IsRefusedNamingBothVersionsAndTheFix() {
    String mismatch = LettuceNetty.mismatch("7.7.0.RELEASE", NETTY_41, false);

    assertNotNull(mismatch);
    assertTrue(mismatch.startsWith("Lettuce 7.7.0.RELEASE cannot run on Netty 4.1.118.Final, found on the class"
        + " path (it lacks io.netty.channel.MultiThreadIoEventLoopGroup): Lettuce 7 needs Netty 4.2."), mismatch);
    assertTrue(mismatch.contains("Use Lettuce 6.x with Netty 4.1"), mismatch);
    assertTrue(mismatch.contains("bring Netty 4.2 for Lettuce 7"), mismatch);
  }

  @Test
  void lettuce7OnNetty42AndLettuce6OnNetty41AreFine() {
    assertNull(LettuceNetty.mismatch("7.7.0.RELEASE", NETTY_42, true));
    assertNull(LettuceNetty.mismatch("6.6.0.RELEASE", NETTY_41, false));
  }

  @Test
  void netty41ModulesAmongNetty42OnesAreNamedEachWithItsVersion() {
    assertEquals("4.1.118.Final (netty-handler) and 4.2.13.Final (netty-common, netty-transport)",
        LettuceNetty.describeNetty(Map.of("netty-common", "4.2.13.Final", "netty-transport", "4.2.13.Final",
            "netty-handler", "4.1.118.Final")));
  }

  @Test
  void withoutNettyVersionsTheMissingNetty42TypeStillTells() {
    String mismatch = LettuceNetty.mismatch("7.7.0.RELEASE", Map.of(), false);

    assertNotNull(mismatch);
    assertTrue(mismatch.startsWith("Lettuce 7.7.0.RELEASE cannot run on Netty of unknown version"), mismatch);
  }

  @Test
  void anUnknownLettuceVersionGivesNoVerdict() {
    assertNull(LettuceNetty.mismatch(null, NETTY_41, false));
    assertNull(LettuceNetty.mismatch("custom", NETTY_41, false));
  }

  /** Lettuce 7 on Netty 4.2 here; Lettuce 6 on Netty 4.1 where the lettuce6 module runs these tests. */
  @Test
  void theClassPathOfTheseTestsFits() {
    assertNull(LettuceNetty.mismatch());
    assertTrue(LettuceNetty.found().matches("Lettuce (7\\.\\S+ on Netty 4\\.2|6\\.\\S+ on Netty 4\\.1)\\.\\S+"),
        LettuceNetty.found());
  }

  @Test
  void aLinkageErrorNamesTheVersionsAndWhatFits() {
    String message = LettuceFailures.linkage(new NoClassDefFoundError("io/netty/channel/MultiThreadIoEventLoopGroup"));

    assertEquals(LettuceNetty.found() + ": java.lang.NoClassDefFoundError: io/netty/channel/MultiThreadIoEventLoopGroup."
        + " Lettuce 7 needs Netty 4.2, Lettuce 6 runs on Netty 4.1: give the application a pair that fits, every"
        + " Netty module at one version", message);
  }
}
