package io.github.corebackend.cache.redis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs {@code redis-server} in a container on the host's network, so that it listens on the chosen
 * loopback port like a local process would (and keeps it across a restart).
 */
final class ContainerLauncher extends RedisLauncher {

  private static final DockerImageName IMAGE = DockerImageName.parse("redis:7.2-alpine");

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  String describe() {
    return "a " + IMAGE + " container";
  }

  @Override
  Running start(int port, Path directory, List<String> extraArguments) {
    List<String> command = new ArrayList<>();
    command.add("redis-server");
    command.addAll(arguments(port, Path.of("/data"), extraArguments));
    GenericContainer<?> container = new GenericContainer<>(IMAGE)
        .withNetworkMode("host")
        .withCommand(command.toArray(new String[0]));
    container.start();
    return container::stop;
  }
}
