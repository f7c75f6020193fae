package io.github.corebackend.cache.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free loopback port in front of a real server, whose behaviour a test switches at
 * run time: {@link #forward()} (the default), {@link #blackhole()} (accept and read, never answer;
 * {@link #blackholeNewConnections()} for new connections only), {@link #delay(Duration)} (replies
 * arrive late), {@link #reset()} (connections are reset) and {@link #refuseHandshakes()} (TCP
 * connects time out, as behind a firewall that drops them); {@link #holdNewConnections(Duration)}
 * makes connecting slow and what follows fast.
 *
 * <p>Every connection is a pair of sockets and two pumping threads. Replies go through a queue with
 * the time each is due, so that a delay keeps their order. A connection that lost bytes to a
 * blackhole is out of step with its client's protocol, so it is reset when forwarding resumes.
 */
final class FaultyProxy implements AutoCloseable {

  private enum Mode { FORWARD, BLACKHOLE, DELAY, RESET, NO_ACCEPT }

  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  /** Connections the proxy made itself to fill its listen queue while it accepts nothing. */
  private final List<Socket> fillers = new ArrayList<>();
  /** The local ports of every filler ever made, so that accepting them later is not counted. */
  private final Set<Integer> fillerPorts = ConcurrentHashMap.newKeySet();
  private volatile Mode mode = Mode.FORWARD;
  /** Whether connections accepted from now on are blackholed, whatever the mode of open ones. */
  private volatile boolean holeForNew;
  private volatile long delayNanos;
  /** How long a newly accepted connection passes nothing before it forwards. */
  private volatile long holdNanos;
  private volatile boolean closed;

  private FaultyProxy(ServerSocket listener, int targetPort) {
    this.listener = listener;
    this.targetPort = targetPort;
  }

  /** A proxy forwarding to the server on loopback port {@code targetPort}. */
  static FaultyProxy inFrontOf(int targetPort) {
    try {
      // A listen queue of one, so that it fills at once while the proxy accepts nothing.
      ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      FaultyProxy proxy = new FaultyProxy(listener, targetPort);
      daemon("faulty-proxy-accept-" + listener.getLocalPort(), proxy::acceptLoop).start();
      return proxy;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open the proxy's port", e);
    }
  }

  /** The proxy's port. */
  int port() {
    return listener.getLocalPort();
  }

  /** {@code redis://127.0.0.1:<port>}. */
  String url() {
    return "redis://127.0.0.1:" + port();
  }

  /** Connections accepted so far. */
  int accepted() {
    return accepted.get();
  }

  /** Connections open through the proxy now. */
  int open() {
    return links.size();
  }

  /** Passes bytes through; connections a blackhole made lose bytes are reset first. */
  synchronized void forward() {
    Mode before = mode;
    mode = Mode.FORWARD;
    holeForNew = false;
    delayNanos = 0;
    holdNanos = 0;
    if (before == Mode.NO_ACCEPT) {
      acceptAgain();
    }
    for (Link link : links) {
      if (link.lostBytes || link.holed) {
        link.reset();
      }
    }
  }

  /** Accepts connections and reads what they send, but never answers, on new and open connections. */
  synchronized void blackhole() {
    leaveNoAccept();
    mode = Mode.BLACKHOLE;
  }

  /** Blackholes the connections accepted from now on; open ones keep forwarding. */
  synchronized void blackholeNewConnections() {
    leaveNoAccept();
    holeForNew = true;
  }

  /** Delivers every reply {@code delay} after the server sent it. */
  synchronized void delay(Duration delay) {
    leaveNoAccept();
    delayNanos = delay.toNanos();
    mode = Mode.DELAY;
  }

  /**
   * Has each connection accepted from now on pass nothing for {@code hold}, then forward: a slow
   * connect (its handshake's replies wait) followed by quick commands. Open connections are untouched.
   */
  synchronized void holdNewConnections(Duration hold) {
    leaveNoAccept();
    holdNanos = hold.toNanos();
  }

  /** Resets every open connection, and every new one as soon as it is accepted. */
  synchronized void reset() {
    leaveNoAccept();
    mode = Mode.RESET;
    links.forEach(Link::reset);
  }

  /**
   * Stops accepting and fills the listen queue, so that a new TCP connect gets no answer and times
   * out; open connections are reset.
   */
  synchronized void refuseHandshakes() {
    mode = Mode.NO_ACCEPT;
    links.forEach(Link::reset);
    // The kernel completes handshakes for a full listen queue's worth of connections; fill it.
    for (int i = 0; i < 16; i++) {
      Socket filler = new Socket();
      try {
        filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 300);
        fillers.add(filler);
        fillerPorts.add(filler.getLocalPort());
      } catch (SocketTimeoutException full) {
        closeQuietly(filler);
        return;
      } catch (IOException e) {
        closeQuietly(filler);
        throw new IllegalStateException("Cannot fill the proxy's listen queue", e);
      }
    }
    throw new IllegalStateException("The proxy's listen queue did not fill up");
  }

  @Override
  public synchronized void close() {
    closed = true;
    closeQuietly(listener);
    links.forEach(Link::reset);
    fillers.forEach(FaultyProxy::closeQuietly);
  }

  private void leaveNoAccept() {
    if (mode == Mode.NO_ACCEPT) {
      acceptAgain();
    }
  }

  /** Called with the monitor held, when accepting resumes: the fillers go. */
  private void acceptAgain() {
    mode = Mode.FORWARD;
    notifyAll();
    fillers.forEach(FaultyProxy::closeQuietly);
    fillers.clear();
  }

  private void acceptLoop() {
    while (!closed) {
      awaitAccepting();
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (mode == Mode.NO_ACCEPT || fillerPorts.contains(client.getPort())) {
        closeQuietly(client); // one of the fillers, or a connect that raced the switch
        continue;
      }
      accepted.incrementAndGet();
      if (mode == Mode.RESET) {
        resetQuietly(client);
        continue;
      }
      Socket server = new Socket();
      try {
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 1_000);
      } catch (IOException e) {
        resetQuietly(client);
        closeQuietly(server);
        continue;
      }
      new Link(client, server, holeForNew, holdNanos).start();
    }
  }

  private synchronized void awaitAccepting() {
    while (mode == Mode.NO_ACCEPT && !closed) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void resetQuietly(Socket socket) {
    try {
      socket.setSoLinger(true, 0); // close with RST rather than FIN
    } catch (IOException ignored) {
      // closed already
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // nothing left to release
    }
  }

  /** A chunk of reply bytes and when it is due; a carrier, never compared. */
  @SuppressWarnings("ArrayRecordComponent")
  private record Chunk(byte[] bytes, long dueNanos) {}

  /** One proxied connection. */
  private final class Link {
    private final Socket client;
    private final Socket server;
    private final BlockingQueue<Chunk> replies = new LinkedBlockingQueue<>();
    private final boolean holed;
    private final long holdNanos;
    private volatile boolean lostBytes;

    Link(Socket client, Socket server, boolean holed, long holdNanos) {
      this.client = client;
      this.server = server;
      this.holed = holed;
      this.holdNanos = holdNanos;
    }

    private boolean blackholed() {
      return holed || mode == Mode.BLACKHOLE;
    }

    void start() {
      links.add(this);
      String name = "faulty-proxy-" + client.getPort();
      daemon(name + "-requests", this::pumpRequests).start();
      daemon(name + "-replies", this::pumpReplies).start();
      daemon(name + "-deliver", this::deliverReplies).start();
    }

    private void pumpRequests() {
      try {
        TimeUnit.NANOSECONDS.sleep(holdNanos); // the client's first requests wait in the socket
      } catch (InterruptedException e) {
        reset();
        return;
      }
      pump(client, bytes -> {
        server.getOutputStream().write(bytes);
        server.getOutputStream().flush();
      });
    }

    private void pumpReplies() {
      pump(server, bytes -> replies.add(new Chunk(bytes, System.nanoTime()
          + (mode == Mode.DELAY ? delayNanos : 0))));
    }

    private void pump(Socket from, Sink sink) {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        int read;
        while ((read = in.read(buffer)) >= 0) {
          if (mode == Mode.RESET) {
            break;
          }
          if (blackholed()) {
            lostBytes = true;
            continue;
          }
          sink.accept(Arrays.copyOf(buffer, read));
        }
      } catch (IOException | InterruptedException e) {
        // the connection is gone
      }
      reset();
    }

    private void deliverReplies() {
      try {
        OutputStream out = client.getOutputStream();
        while (!client.isClosed()) {
          Chunk chunk = replies.poll(100, TimeUnit.MILLISECONDS);
          if (chunk == null) {
            continue;
          }
          long wait = chunk.dueNanos() - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          if (blackholed()) {
            lostBytes = true;
            continue;
          }
          out.write(chunk.bytes());
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        reset();
      }
    }

    void reset() {
      links.remove(this);
      resetQuietly(client);
      closeQuietly(server);
    }
  }

  /** Where a pump puts what it read. */
  private interface Sink {
    void accept(byte[] bytes) throws IOException, InterruptedException;
  }
}
