package io.github.corebackend.cache.benchmarks;

import io.github.corebackend.cache.redis.RedisTestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches the report's Redis server with MONITOR and counts the commands clients send while some work
 * runs, by name, leaving out those that scripts run inside the server: the round trips the work costs.
 */
final class RedisCommandCounter implements AutoCloseable {

  private final RedisTestServer server;
  private final Socket socket = new Socket();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  RedisCommandCounter(RedisTestServer server) {
    this.server = server;
    try {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 1_000);
      socket.getOutputStream().write("*1\r\n$7\r\nMONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      if (!"+OK".equals(in.readLine())) {
        throw new IOException("MONITOR refused");
      }
      Thread reader = new Thread(() -> {
        try {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
          }
        } catch (IOException closed) {
          // the counter was closed
        }
      }, "redis-monitor");
      reader.setDaemon(true);
      reader.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot MONITOR the Redis server on port " + server.port(), e);
    }
  }

  /** Runs {@code work} and returns the client commands sent meanwhile, by command name. */
  Map<String, Integer> commandsOf(Runnable work) {
    String before = marker();
    work.run();
    String after = marker();
    Map<String, Integer> commands = new TreeMap<>();
    boolean inside = false;
    for (String line : lines) {
      if (line.contains(before)) {
        inside = true;
      } else if (line.contains(after)) {
        lines.clear();
        return commands;
      } else if (inside && !line.contains(" lua]")) {
        int start = line.indexOf("] \"") + 3;
        commands.merge(line.substring(start, line.indexOf('"', start)).toUpperCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    throw new IllegalStateException("The monitor missed its own markers");
  }

  /** Sends a recognisable command and waits until the monitor has seen it. */
  private String marker() {
    String marker = "marker-" + UUID.randomUUID();
    server.command("ECHO", marker);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (line.contains(marker)) {
          return marker;
        }
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("MONITOR did not show " + marker);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
