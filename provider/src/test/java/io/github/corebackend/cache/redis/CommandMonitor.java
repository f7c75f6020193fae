package io.github.corebackend.cache.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches a test server with MONITOR and counts the commands clients send, leaving out those that
 * scripts run inside the server: what one JCache call costs in round trips.
 */
public final class CommandMonitor implements AutoCloseable {

  private final RedisTestServer server;
  private final Socket socket = new Socket();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  public CommandMonitor(RedisTestServer server) throws IOException {
    this.server = server;
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 1_000);
    socket.getOutputStream().write("*1\r\n$7\r\nMONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    if (!"+OK".equals(in.readLine())) {
      throw new IOException("MONITOR refused");
    }
    reader = new Thread(() -> {
      try {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException closed) {
        // the monitor was closed
      }
    }, "redis-monitor");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Runs {@code work} and returns the client commands the server received meanwhile, by name (e.g.
   * {@code EVALSHA}), leaving out commands run by scripts and the {@code PING}s by which near caches'
   * trackers confirm their invalidations every few milliseconds.
   */
  public List<String> clientCommandsOf(Runnable work) throws InterruptedException {
    String before = marker();
    work.run();
    String after = marker();
    List<String> commands = new ArrayList<>();
    boolean inside = false;
    for (String line : lines) {
      if (line.contains(before)) {
        inside = true;
      } else if (line.contains(after)) {
        return commands;
      } else if (inside && !line.contains(" lua]")) {
        int start = line.indexOf("] \"") + 3;
        String command = line.substring(start, line.indexOf('"', start)).toUpperCase(Locale.ROOT);
        if (!command.equals("PING")) {
          commands.add(command);
        }
      }
    }
    throw new IllegalStateException("The monitor missed its own markers");
  }

  /** Sends a uniquely recognisable command and waits until the monitor has seen it. */
  private String marker() throws InterruptedException {
    String marker = "marker-" + UUID.randomUUID();
    server.command("ECHO", marker);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (line.contains(marker)) {
          return marker;
        }
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("MONITOR did not show " + marker);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
