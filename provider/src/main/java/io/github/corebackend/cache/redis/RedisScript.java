package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.spi.EntryChange;
import io.github.corebackend.cache.spi.EntryState;
import io.github.corebackend.cache.spi.RecordingSlot;
import io.github.corebackend.cache.spi.WriteKind;
import io.github.corebackend.cache.spi.WriteOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Lua scripts the Redis store runs, one per kind of atomic step. Each is sent once per server
 * (by EVAL when the server answers NOSCRIPT) and afterwards invoked by its SHA-1 digest.
 *
 * <p>Every script starts with tables rendered from the JVM's own description of the write decision
 * ({@link WriteKind}) and of the names and codes both sides use ({@link EntryState},
 * {@link EntryChange}, {@link RecordingSlot.Recorded}, {@link WriteOutcome.Result}): the scripts
 * hold no copy of the decision that could drift from it.
 */
public enum RedisScript {
  /** Reads entries, applying access expiry and reporting those found expired. */
  READ("read.lua"),
  /** Creates, updates or removes entries by the decision table. */
  WRITE("write.lua"),
  /** Tells whether a live entry exists. */
  EXISTS("exists.lua"),
  /** Applies a JVM-side decision if the entry did not change meanwhile. */
  COMPARE_AND_SET("compare_and_set.lua"),
  /** Takes the lock of a guarded write and reads its entry. */
  LOCK("lock.lua"),
  /** Commits a guarded write and releases its lock. */
  COMMIT("commit.lua"),
  /** Releases the lock of a guarded write that changes nothing. */
  UNLOCK("unlock.lua");

  private final String source;
  private final String sha1;

  RedisScript(String file) {
    this.source = SharedTables.LUA + read("common.lua") + "\n" + read(file);
    this.sha1 = sha1(source);
  }

  /** The Lua source. */
  public String source() {
    return source;
  }

  /** The SHA-1 digest of the source, in lower-case hexadecimal, as EVALSHA wants it. */
  public String sha1() {
    return sha1;
  }

  /** The result a script reported as a {@code RESULT} code. */
  @SuppressWarnings("EnumOrdinal") // the codes are the ordinals the shared tables render
  static WriteOutcome.Result resultOf(long code) {
    return WriteOutcome.Result.values()[(int) code];
  }

  private static String read(String file) {
    try (InputStream in = RedisScript.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("Missing script resource " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(40);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JVM", e);
    }
  }

  /** The Lua tables rendered from the JVM's enums, built once before the scripts. */
  @SuppressWarnings("EnumOrdinal") // ordinals are the codes both sides read, rendered from one place
  static final class SharedTables {
    static final String LUA = render();

    private SharedTables() {}

    private static String render() {
      StringBuilder lua = new StringBuilder("""
          -- Rendered by RedisScript from the JVM's WriteKind, EntryState, EntryChange,
          -- RecordingSlot.Recorded and WriteOutcome.Result.
          """);
      lua.append("local STATE = {");
      for (EntryState state : EntryState.values()) {
        lua.append(state.name()).append(" = ").append(state.ordinal() + 1).append(", ");
      }
      lua.append("}\nlocal CHANGE = {");
      for (EntryChange change : EntryChange.values()) {
        lua.append(change.name()).append(" = '").append(change.name()).append("', ");
      }
      lua.append("}\nlocal RECORDED = {");
      for (RecordingSlot.Recorded recorded : RecordingSlot.Recorded.values()) {
        lua.append(recorded.name()).append(" = '").append(recorded.name()).append("', ");
      }
      lua.append("}\nlocal RESULT = {");
      for (WriteOutcome.Result result : WriteOutcome.Result.values()) {
        lua.append(result.name()).append(" = ").append(result.ordinal()).append(", ");
      }
      lua.append("}\nlocal RULES = {\n");
      for (WriteKind kind : WriteKind.values()) {
        lua.append("  ").append(kind.scriptName()).append(" = {");
        for (EntryState state : EntryState.values()) {
          lua.append("CHANGE.").append(kind.decide(state).change().name()).append(", ");
        }
        lua.append("},\n");
      }
      lua.append("}\nlocal CONDITIONAL = {");
      for (WriteKind kind : WriteKind.values()) {
        if (kind.isConditional()) {
          lua.append(kind.scriptName()).append(" = true, ");
        }
      }
      return lua.append("}\n").toString();
    }
  }
}
