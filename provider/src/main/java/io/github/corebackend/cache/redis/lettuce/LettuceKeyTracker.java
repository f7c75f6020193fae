package io.github.corebackend.cache.redis.lettuce;

import io.github.corebackend.cache.redis.KeyTracker;
import io.github.corebackend.cache.redis.RedisConnection;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushListener;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * {@link KeyTracker} over one RESP3 Lettuce connection of its own, with {@code CLIENT TRACKING ON
 * BCAST} for the registered prefixes: invalidations arrive as push messages on that connection. When
 * the connection drops, listeners are reset; when Lettuce has reconnected, tracking is switched on
 * again for every prefix and listeners are reset once more.
 *
 * <p>Only single servers (standalone or Sentinel-managed) are tracked: a cluster would need a
 * tracking connection per master, following the topology.
 */
final class LettuceKeyTracker implements KeyTracker, PushListener, RedisConnectionStateListener {

  private static final System.Logger LOG = System.getLogger(LettuceKeyTracker.class.getName());

  private final RedisClient client;
  private final ClientResources resources;
  private final String address;
  private final Duration timeout;
  private final Map<Listener, byte[]> listeners = new ConcurrentHashMap<>();
  /** Prefixes tracking is on for; guarded by {@code this}. */
  private final List<String> prefixes = new ArrayList<>();
  private final AtomicLong generation = new AtomicLong();
  /** See {@link #confirmedAt()}; only ever moves forward. */
  private final AtomicLong confirmed = new AtomicLong(Long.MIN_VALUE);
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private @Nullable ScheduledFuture<?> heartbeat;

  private LettuceKeyTracker(RedisClient client, ClientResources resources, String address, Duration timeout,
      StatefulRedisConnection<byte[], byte[]> connection) {
    this.client = client;
    this.resources = resources;
    this.address = address;
    this.timeout = timeout;
    this.connection = connection;
  }

  /**
   * Connects to the single server of {@code address}, each step within {@code timeouts}; a failure
   * shuts the client and its threads down before it is reported.
   *
   * @throws RedisConnection.RedisFailure when no connection can be made
   */
  static LettuceKeyTracker open(RedisAddress address, LettuceTimeouts timeouts) {
    ClientResources resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
        .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .build();
    @Nullable RedisClient created = null;
    try {
      RedisClient client = RedisClient.create(resources);
      created = client;
      client.setOptions(ClientOptions.builder()
          .autoReconnect(true)
          .protocolVersion(ProtocolVersion.RESP3)
          .timeoutOptions(timeouts.timeoutOptions())
          .socketOptions(timeouts.socketOptions())
          .sslOptions(timeouts.sslOptions())
          .build());
      StatefulRedisConnection<byte[], byte[]> connection =
          timeouts.awaitConnection(client.connectAsync(ByteArrayCodec.INSTANCE, address.uris().get(0)));
      LettuceKeyTracker tracker = new LettuceKeyTracker(client, resources, address.toString(), timeouts.command(),
          connection);
      connection.addListener((PushListener) tracker);
      client.addListener(tracker);
      tracker.startHeartbeat();
      return tracker;
    } catch (RuntimeException | Error e) {
      LettuceShutdown.afterFailure(created, resources, Duration.ofSeconds(1), e);
      if (e instanceof LinkageError) {
        throw new RedisConnection.RedisFailure("cannot open the near cache's tracking connection: "
            + LettuceFailures.linkage((LinkageError) e), e);
      }
      if (e instanceof RuntimeException) {
        throw new RedisConnection.RedisFailure("cannot open the near cache's tracking connection: "
            + (e instanceof RedisConnection.RedisFailure ? e.getMessage() : LettuceFailures.reason(e)), e);
      }
      throw e;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Redis refuses prefixes of one client that overlap; a manager's cache prefixes never do, since
   * namespaces are not empty and {@code :} is escaped inside them and inside cache names.
   */
  @Override
  public synchronized AutoCloseable track(String prefix, Listener listener) {
    if (!prefixes.contains(prefix)) {
      long sent = System.nanoTime();
      await(connection.async().clientTracking(trackingOf(List.of(prefix))));
      confirm(sent);
      prefixes.add(prefix);
    }
    listeners.put(listener, prefix.getBytes(StandardCharsets.UTF_8));
    return () -> listeners.remove(listener);
  }

  @Override
  public long generation() {
    return generation.get();
  }

  @Override
  public long confirmedAt() {
    return confirmed.get();
  }

  /** PINGs the tracking connection every {@link #HEARTBEAT}; each reply confirms what came before it. */
  private synchronized void startHeartbeat() {
    long period = HEARTBEAT.toNanos();
    heartbeat = resources.eventExecutorGroup().scheduleAtFixedRate(() -> {
      long sent = System.nanoTime();
      // Completed on the I/O thread after the pushes that preceded the reply were handled.
      connection.async().ping().thenRun(() -> confirm(sent));
    }, period, period, TimeUnit.NANOSECONDS);
  }

  private void confirm(long sent) {
    confirmed.accumulateAndGet(sent, Math::max);
  }

  @Override
  public void onPushMessage(PushMessage message) {
    if (!"invalidate".equals(message.getType())) {
      return;
    }
    Object keys = message.getContent(LettuceKeyTracker::bytes).get(1);
    if (!(keys instanceof List<?> changed)) {
      resetAll(); // a null list: the database was flushed
      return;
    }
    for (Object key : changed) {
      byte[] redisKey = (byte[]) key;
      listeners.forEach((listener, prefix) -> {
        if (startsWith(redisKey, prefix)) {
          listener.invalidated(redisKey);
        }
      });
    }
  }

  @Override
  public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
    if (generation.get() % 2 == 0) {
      generation.incrementAndGet();
    }
    resetAll();
  }

  @Override
  public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress socketAddress) {
    List<String> toTrack;
    synchronized (this) {
      toTrack = List.copyOf(prefixes);
    }
    if (toTrack.isEmpty() || generation.get() % 2 == 0) {
      return; // the first connection, before any prefix: nothing was lost
    }
    // On the I/O thread: send, and finish when the reply arrives, never wait here.
    connection.async().clientTracking(trackingOf(toTrack)).whenComplete((ok, failure) -> {
      if (failure != null) {
        LOG.log(System.Logger.Level.WARNING, "Near caches cannot track Redis at " + address
            + " after reconnecting; they read from Redis until the next reconnection", failure);
        return;
      }
      generation.incrementAndGet();
      resetAll();
    });
  }

  @Override
  public void close() {
    synchronized (this) {
      if (heartbeat != null) {
        heartbeat.cancel(false);
      }
    }
    listeners.clear();
    LettuceShutdown.of(client, resources, Duration.ofSeconds(2));
  }

  private void resetAll() {
    listeners.keySet().forEach(Listener::reset);
  }

  private static TrackingArgs trackingOf(List<String> prefixes) {
    return TrackingArgs.Builder.enabled().bcast().prefixes(StandardCharsets.UTF_8, prefixes.toArray(String[]::new));
  }

  private <T> T await(java.util.concurrent.CompletionStage<T> reply) {
    try {
      return reply.toCompletableFuture().get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // A refusal always has its cause; the wrapper stands in should one ever lack it.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new RedisConnection.RedisFailure("the server refused to track keys: " + LettuceFailures.reason(cause),
          cause);
    } catch (TimeoutException e) {
      throw new RedisConnection.RedisFailure("no reply within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisConnection.RedisFailure("interrupted while waiting for a reply", e);
    }
  }

  private static Object bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static boolean startsWith(byte[] key, byte[] start) {
    return key.length >= start.length && Arrays.equals(key, 0, start.length, start, 0, start.length);
  }
}
