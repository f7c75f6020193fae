package io.github.corebackend.cache.redis.lettuce;

import io.github.corebackend.cache.redis.RedisConnection.RedisFailure;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The configured timeouts as Lettuce's options, so that no step of connecting waits on Lettuce's own
 * defaults (60 s for the Redis handshake, 10 s for the TLS one): the TCP connect, the TLS handshake and
 * the Redis handshake (HELLO or AUTH, PING, SELECT) each within the connect timeout, and every command,
 * the loading of the scripts included, within the command timeout.
 *
 * <p>The Redis handshake's timeout is the {@code RedisURI}'s, which {@link RedisAddress} sets; its
 * timer starts when the channel is registered, so it bounds the TCP connect and the TLS handshake
 * too.
 */
final class LettuceTimeouts {

  /** What a reply may take beyond Lettuce's own timeout, which fails the command first. */
  private static final long SLACK_MILLIS = 250;

  private final Duration connect;
  private final Duration command;

  LettuceTimeouts(Duration connect, Duration command) {
    this.connect = connect;
    this.command = command;
  }

  /** The time allowed for a command: sending it plus waiting for the reply. */
  Duration command() {
    return command;
  }

  /** The TCP connect within the connect timeout, on a socket kept alive. */
  SocketOptions socketOptions() {
    return SocketOptions.builder().connectTimeout(connect).keepAlive(true).build();
  }

  /** The TLS handshake within the connect timeout. */
  SslOptions sslOptions() {
    return SslOptions.builder().handshakeTimeout(connect).build();
  }

  /** Every command within the command timeout. */
  TimeoutOptions timeoutOptions() {
    return TimeoutOptions.enabled(command);
  }

  /**
   * Waits for a connection being opened. Lettuce fails it within the connect timeout; a cluster's
   * within three (the seeds' connects, their topology replies, the connect to a node). Waiting longer
   * than that and a command, with a little slack, means Lettuce lost track of it: the wait ends
   * anyway.
   *
   * @throws RedisFailure when the connection fails or does not come within that time
   */
  <T> T awaitConnection(Future<T> connecting) {
    long millis = connect.multipliedBy(3).plus(command).toMillis() + SLACK_MILLIS;
    try {
      return connecting.get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // A failed connection always has its cause; the wrapper stands in should one ever lack it.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new RedisFailure("cannot connect: " + LettuceFailures.reason(cause), cause);
    } catch (TimeoutException e) {
      connecting.cancel(true);
      throw new RedisFailure("cannot connect: no connection within " + millis + " ms", e);
    } catch (InterruptedException e) {
      connecting.cancel(true);
      Thread.currentThread().interrupt();
      throw new RedisFailure("interrupted while connecting", e);
    }
  }
}
