package io.github.corebackend.cache.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Redis server for tests: the one {@code REDIS_URL} names, if set, or else one started on a
 * free loopback port (never the machine's shared 6379) that the test owns and may kill and restart.
 * Servers a test starts are stopped when it closes them, and at the latest when the JVM exits.
 */
public final class RedisTestServer implements AutoCloseable {

  private static RedisTestServer shared;

  private final String url;
  private final int port;
  private final Path directory;
  private final List<String> extraArguments;
  private RedisLauncher.Running running;

  private RedisTestServer(String url, int port, Path directory, List<String> extraArguments) {
    this.url = url;
    this.port = port;
    this.directory = directory;
    this.extraArguments = extraArguments;
  }

  /**
   * A server shared by the tests of this JVM that only touch their own keys: {@code REDIS_URL} when
   * set, else one started once and stopped when the JVM exits.
   */
  public static synchronized RedisTestServer shared() {
    if (shared == null) {
      String external = System.getenv("REDIS_URL");
      if (external != null && !external.isBlank()) {
        shared = new RedisTestServer(external.trim(), -1, null, List.of());
      } else {
        shared = startOwn();
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
      }
    }
    return shared;
  }

  /** A server of the test's own, which it may kill and restart; close it when done. */
  public static RedisTestServer startOwn() {
    return startOwn(freePort(), List.of());
  }

  static RedisTestServer startOwn(int port, List<String> extraArguments) {
    try {
      Path directory = Files.createTempDirectory("redis-test-" + port + "-");
      RedisTestServer server = new RedisTestServer("redis://127.0.0.1:" + port, port, directory, extraArguments);
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start a Redis server for the tests", e);
    }
  }

  /** The URL to configure the provider with. */
  public String url() {
    return url;
  }

  /** The port, or {@code -1} for the external server of {@code REDIS_URL}. */
  public int port() {
    return port;
  }

  /** Stops the server at once, as a crash would; pending commands get no reply. */
  public synchronized void kill() {
    requireOwned();
    if (running != null) {
      running.kill();
      running = null;
    }
  }

  /** Starts the server again on the same port, empty. */
  public synchronized void restart() {
    requireOwned();
    kill();
    try {
      start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot restart Redis on port " + port, e);
    }
  }

  /** Sends one command in RESP and returns the raw first reply line (for PING, CLUSTER and the like). */
  public String command(String... words) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
      for (String word : words) {
        request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
      }
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return readReply(socket.getInputStream());
    } catch (IOException e) {
      throw new IllegalStateException("Redis on port " + port + " did not answer " + String.join(" ", words), e);
    }
  }

  @Override
  public synchronized void close() {
    if (running != null) {
      running.kill();
      running = null;
    }
  }

  private void start() throws IOException {
    RedisLauncher launcher = RedisLauncher.find();
    running = launcher.start(port, directory, extraArguments);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        if (command("PING").equals("+PONG")) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // still starting
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new IOException("Redis (" + launcher.describe() + ") did not start on port " + port + "; see " + directory);
  }

  private void requireOwned() {
    if (port < 0) {
      throw new IllegalStateException("The server of REDIS_URL is not the test's to stop");
    }
  }

  /** A free loopback port whose cluster-bus twin (port + 10000) is free too, and never 6379. */
  static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        int port = socket.getLocalPort();
        if (port != 6379 && port < 55_000 && isFree(port + 10_000)) {
          return port;
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("No free port pair found");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  private static String readReply(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\r') {
        in.read();
        break;
      }
      line.append((char) c);
    }
    String first = line.toString();
    if (first.startsWith("$") && !first.equals("$-1")) {
      byte[] body = in.readNBytes(Integer.parseInt(first.substring(1)) + 2);
      return new String(body, 0, body.length - 2, StandardCharsets.UTF_8);
    }
    return first;
  }
}
