package io.github.corebackend.cache.lettuce6;

import java.util.ArrayList;
import java.util.List;

/** The threads Lettuce, Netty or the provider's connection attempts run, to show that none is left. */
public final class ClientThreads {

  private ClientThreads() {}

  /**
   * The names of the live threads that Lettuce ({@code lettuce-*}), Netty ({@code *EventLoop*},
   * {@code *eventExecutor*}) or a connection attempt ({@code redis-connect *}) started, once those
   * being stopped have had up to {@code waitMillis} to end.
   */
  public static List<String> leftAfter(long waitMillis) throws InterruptedException {
    long deadline = System.nanoTime() + waitMillis * 1_000_000;
    while (true) {
      List<String> left = new ArrayList<>();
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.isAlive() && isClientThread(thread.getName())) {
          left.add(thread.getName());
        }
      }
      if (left.isEmpty() || System.nanoTime() > deadline) {
        return left;
      }
      Thread.sleep(50);
    }
  }

  private static boolean isClientThread(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("lettuce-") || lower.contains("eventloop") || lower.contains("eventexecutor")
        || lower.startsWith("redis-connect");
  }
}
