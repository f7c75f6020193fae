package io.github.corebackend.cache.health;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The health of one backend of a cache manager, as one check found it.
 *
 * @param backend the backend's name, e.g. {@code redis}
 * @param address where it keeps the entries, without credentials ({@code ""} in this JVM)
 * @param status up or down
 * @param latency how long a round trip to the server took, or {@code null} when none was made or it failed
 * @param reason why it is down, or what was checked; never a password
 * @param details further facts by name, e.g. {@code invalidations=flowing} of a near backend
 */
public record BackendHealth(String backend, String address, HealthStatus status, @Nullable Duration latency,
    String reason, Map<String, String> details) {

  /** Checks and copies the arguments. */
  public BackendHealth {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    details = Map.copyOf(details);
  }

  /** A backend that is up. */
  public static BackendHealth up(String backend, String address, @Nullable Duration latency, String reason,
      Map<String, String> details) {
    return new BackendHealth(backend, address, HealthStatus.UP, latency, reason, details);
  }

  /** A backend that is down for {@code reason}. */
  public static BackendHealth down(String backend, String address, String reason, Map<String, String> details) {
    return new BackendHealth(backend, address, HealthStatus.DOWN, null, reason, details);
  }

  /** One line: backend, address, status, latency, reason and details. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(backend);
    if (!address.isEmpty()) {
      line.append(' ').append(address);
    }
    line.append(' ').append(status);
    if (latency != null) {
      line.append(String.format(java.util.Locale.ROOT, " (%.3f ms)", latency.toNanos() / 1e6));
    }
    line.append(": ").append(reason);
    details.forEach((name, value) -> line.append("; ").append(name).append('=').append(value));
    return line.toString();
  }
}
