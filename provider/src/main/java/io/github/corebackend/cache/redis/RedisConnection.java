package io.github.corebackend.cache.redis;

import java.util.Iterator;
import java.util.List;

/**
 * The few things the Redis store needs from a Redis client: run a script on the node that owns its
 * keys, read and store keys with plain commands where no script is needed, scan every master, and
 * unlink keys. Kept this narrow so that another client (Redisson, for
 * teams that already run it) can be adapted without touching the store.
 *
 * <p>Implementations are thread-safe. Every method fails with {@link RedisFailure} when the server
 * cannot be reached, answers with an error, or does not answer within the configured timeout.
 */
public interface RedisConnection extends AutoCloseable {

  /** The server's address, without credentials, for error messages. */
  String address();

  /** The cluster hash slot of {@code key}; {@code 0} for a server that is not a cluster. */
  int slot(byte[] key);

  /**
   * Runs {@code script} once per call, each on the node owning that call's keys (all of one slot),
   * sending all calls before waiting for any reply: one round trip for the whole list.
   *
   * @return each call's reply, a flat list, in the order of {@code calls}
   */
  List<List<Object>> eval(RedisScript script, List<ScriptCall> calls);

  /**
   * Reads keys with one MGET per slot group, each sent with a TIME to the node owning the group when
   * {@code withClock}, all before waiting for any reply: one round trip, and far less work on the
   * server than a script.
   *
   * @param slotGroups keys grouped so that each group lies in one slot
   * @param withClock whether to read the nodes' clocks too
   * @return per group, the values (null where absent) and, when asked for, the clock of the node
   *     that holds them
   */
  List<TimedValues> read(List<List<byte[]>> slotGroups, boolean withClock);

  /**
   * Stores values without expiry, one MSET per slot group, pipelined: one round trip.
   *
   * @param slotGroups keys grouped so that each group lies in one slot
   * @param values the values, grouped like the keys
   */
  void store(List<List<byte[]>> slotGroups, List<List<byte[]>> values);

  /**
   * Iterates over the keys matching a glob pattern on every master, in batches of about
   * {@code batchSize}; weakly consistent like SCAN itself.
   */
  Iterator<List<byte[]>> scan(byte[] pattern, int batchSize);

  /** Sends a {@code PING} and waits for its answer. */
  void ping();

  /** Unlinks the keys, one command per slot group, pipelined. */
  void unlink(List<byte[]> keys);

  /** Releases the connection. */
  @Override
  void close();

  /**
   * One invocation of a script: its keys (all of one slot) and arguments.
   *
   * @param keys the Redis keys the script touches
   * @param args the script's arguments
   */
  record ScriptCall(List<byte[]> keys, List<byte[]> args) {}

  /**
   * Values read, with the clock of the node that holds them.
   *
   * @param serverMillis the node's time, milliseconds since the epoch; {@link #NO_CLOCK} when not read
   * @param values the stored values, null where a key is absent
   */
  record TimedValues(long serverMillis, List<byte[]> values) {
    /** The clock of values read without it. */
    public static final long NO_CLOCK = Long.MIN_VALUE;

    /** Whether the node's clock was read with the values. */
    public boolean hasClock() {
      return serverMillis != NO_CLOCK;
    }
  }

  /** The server could not serve a command; the message says why. */
  final class RedisFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure. */
    public RedisFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
