package io.github.corebackend.cache.examples.hibernate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link LibraryNode} in a JVM process of its own, on this JVM's class path: a second application
 * instance with its own session factory, cache manager and Redis connections. Each call waits at
 * most a minute for the answer; the process is killed on close.
 */
final class OtherJvm implements AutoCloseable {

  private final Process process;
  private final PrintStream commands;
  private final BufferedReader answers;
  private final Path log;

  private OtherJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts the node and waits until its session factory is open. */
  static OtherJvm start(String jdbcUrl, String cacheUri) throws IOException {
    // Surefire runs tests from a manifest-only jar; the real class path is in this property.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Path log = Files.createTempFile("library-node-", ".log");
    Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", classPath,
        LibraryNode.class.getName(), jdbcUrl, cacheUri))
        .redirectError(log.toFile())
        .start();
    OtherJvm jvm = new OtherJvm(process, log);
    try {
      jvm.awaitAnswer("start");
    } catch (RuntimeException e) {
      jvm.close();
      throw e;
    }
    return jvm;
  }

  /** Sends a command (its fields joined by tabs) and returns the answer. */
  String call(Object... fields) {
    StringBuilder line = new StringBuilder();
    for (Object field : fields) {
      line.append(line.length() == 0 ? "" : "\t").append(field);
    }
    commands.println(line);
    return awaitAnswer(line.toString());
  }

  private String awaitAnswer(String command) {
    CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
      try {
        return answers.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    String line;
    try {
      line = answer.get(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the other JVM", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the other JVM did not answer '" + command + "'" + logTail(), e);
    }
    if (line == null || !line.startsWith("ok ")) {
      throw new IllegalStateException("the other JVM answered '" + command + "' with " + line + logTail());
    }
    return line.substring(3);
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "; its log ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "; its log " + log + " cannot be read";
    }
  }

  @Override
  public void close() throws IOException {
    commands.println("quit");
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    Files.deleteIfExists(log);
  }
}
