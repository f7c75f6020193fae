package io.github.corebackend.cache.examples.hibernate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.hibernate.stat.Statistics;

/**
 * The second JVM of the cross-JVM tests: opens a {@link Library} on the database and cache
 * configuration its arguments name, then answers one command per line on standard input with one
 * line on standard output ({@code ok <answer>} or {@code error <message>}); fields are separated by
 * tabs, titles in a list by commas. Started by {@link OtherJvm}.
 */
public final class LibraryNode {

  private LibraryNode() {}

  /** Arguments: the JDBC URL and {@code hibernate.javax.cache.uri}. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Library library = Library.open(args[0], args[1], Map.of());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      out.println("ok ready");
      for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
        try {
          out.println("ok " + answer(library, line.split("\t")));
        } catch (RuntimeException e) {
          out.println("error " + String.valueOf(e).replace('\n', ' '));
        }
      }
    }
  }

  private static String answer(Library library, String[] command) {
    switch (command[0]) {
      case "title":
        return Objects.toString(library.title(Long.parseLong(command[1])), "-");
      case "titles-by":
        return String.join(", ", library.titlesBy(Long.parseLong(command[1])));
      case "titles-in":
        return String.join(", ", library.titlesIn(Genre.valueOf(command[1])));
      case "statistics":
        Statistics statistics = library.statistics();
        return statistics.getSecondLevelCacheHitCount() + "\t" + statistics.getEntityLoadCount() + "\t"
            + statistics.getCollectionLoadCount() + "\t" + statistics.getQueryCacheHitCount();
      case "note":
        return library.noteText(Long.parseLong(command[1]));
      case "await":
        return await(library, command[1], Arrays.copyOfRange(command, 2, command.length));
      default:
        throw new IllegalArgumentException("Unknown command " + command[0]);
    }
  }

  /**
   * Repeats the read {@code command} every 50 µs until it answers {@code expected} (for at most 5 s);
   * answers when the last read that still saw something else began, in epoch microseconds on the
   * machine's wall clock (which both JVMs share), or 0 when the first read saw it.
   */
  private static String await(Library library, String expected, String[] command) {
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long lastStaleStart = 0;
    while (true) {
      long start = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
      String answer = answer(library, command);
      if (expected.equals(answer)) {
        return Long.toString(lastStaleStart);
      }
      lastStaleStart = start;
      if (System.nanoTime() > giveUpAt) {
        throw new IllegalStateException(String.join(" ", command) + " still answers '" + answer + "', not '"
            + expected + "', after 5 s");
      }
      LockSupport.parkNanos(50_000);
    }
  }
}
