package io.github.corebackend.cache.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Starts real {@code redis-server} processes for tests, from the first source that works: a
 * {@code redis-server} on the PATH, else a container where Docker runs, else the Linux binary that
 * the {@code com.github.codemonstur:embedded-redis} package on Maven Central ships.
 */
abstract class RedisLauncher {

  /** A started server. */
  interface Running {
    /** Stops the server at once, as a crash would. */
    void kill();
  }

  private static RedisLauncher found;

  /** The launcher of this machine, found once. */
  static synchronized RedisLauncher find() {
    if (found == null) {
      found = locate();
    }
    return found;
  }

  /** What this launcher runs, for messages. */
  abstract String describe();

  /** Starts a server on {@code port} (loopback only) with data in {@code directory}. */
  abstract Running start(int port, Path directory, List<String> extraArguments) throws IOException;

  /** The arguments every test server gets: loopback, nothing kept on disk. */
  static List<String> arguments(int port, Path directory, List<String> extraArguments) {
    List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "no",
        "--dir", directory.toString(), "--logfile", directory.resolve("redis-" + port + ".log").toString()));
    arguments.addAll(extraArguments);
    return arguments;
  }

  private static RedisLauncher locate() {
    if (runs("redis-server")) {
      return new Binary("redis-server");
    }
    if (ContainerLauncher.dockerAvailable()) {
      return new ContainerLauncher();
    }
    Path extracted = extractPackagedBinary();
    if (extracted != null && runs(extracted.toString())) {
      return new Binary(extracted.toString());
    }
    throw new IllegalStateException("No Redis for the tests: set REDIS_URL, put redis-server on the PATH, "
        + "run Docker, or run on linux-amd64 where the packaged binary works");
  }

  private static boolean runs(String executable) {
    try {
      Process process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path extractPackagedBinary() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      return null;
    }
    try (InputStream binary = RedisLauncher.class.getResourceAsStream("/redis-server-6.2.6-v5-linux-amd64")) {
      if (binary == null) {
        return null;
      }
      Path file = Files.createTempFile("redis-server-", "");
      Files.copy(binary, file, StandardCopyOption.REPLACE_EXISTING);
      file.toFile().setExecutable(true);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      return null;
    }
  }

  /** A {@code redis-server} executable run as a child process. */
  private static final class Binary extends RedisLauncher {
    private final String executable;

    Binary(String executable) {
      this.executable = executable;
    }

    @Override
    String describe() {
      return executable;
    }

    @Override
    Running start(int port, Path directory, List<String> extraArguments) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(executable);
      command.addAll(arguments(port, directory, extraArguments));
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(directory.resolve("redis-" + port + ".out").toFile())
          .start();
      return () -> {
        process.destroyForcibly();
        try {
          process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
    }
  }
}
