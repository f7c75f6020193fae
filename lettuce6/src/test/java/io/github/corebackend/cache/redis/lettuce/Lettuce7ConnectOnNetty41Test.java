package io.github.corebackend.cache.redis.lettuce;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.lettuce6.ClientThreads;
import io.github.corebackend.cache.redis.RedisConnection.RedisFailure;
import io.github.corebackend.cache.redis.RedisTestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Lettuce 7 on Netty 4.1 past the check at cache creation, as when that check cannot read Lettuce's
 * version: connecting fails on Netty's missing type, and what the attempt created is shut down. Run
 * by the {@code lettuce7-on-netty41} execution.
 */
class Lettuce7ConnectOnNetty41Test {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @Test
  void aConnectionFailsNamingTheVersionsAndLeavesNoThread() throws Exception {
    assertFailsCleanly(() -> LettuceConnection.open(address(), new LettuceTimeouts(TIMEOUT, TIMEOUT), 2),
        "cannot connect: ");
  }

  @Test
  void aTrackingConnectionFailsTheSameWay() throws Exception {
    assertFailsCleanly(() -> LettuceKeyTracker.open(address(), new LettuceTimeouts(TIMEOUT, TIMEOUT)),
        "cannot open the near cache's tracking connection: ");
  }

  private static void assertFailsCleanly(Executable connect, String start) throws Exception {
    RedisFailure failure = assertThrows(RedisFailure.class, connect);

    String message = failure.getMessage();
    assertAll(
        () -> assertTrue(message.startsWith(start + LettuceNetty.found() + ": java.lang.NoClassDefFoundError: "
            + "io/netty/channel/MultiThreadIoEventLoopGroup. Lettuce 7 needs Netty 4.2"), message),
        () -> assertTrue(LettuceNetty.found().matches("Lettuce 7\\.\\S+ on Netty 4\\.1\\.\\S+"), LettuceNetty.found()),
        () -> assertTrue(failure.getCause() instanceof NoClassDefFoundError, String.valueOf(failure.getCause())),
        () -> assertEquals(List.of(), ClientThreads.leftAfter(5_000), "threads left"));
  }

  private static RedisAddress address() {
    return RedisAddress.parse(RedisTestServer.shared().url(), TIMEOUT);
  }
}
