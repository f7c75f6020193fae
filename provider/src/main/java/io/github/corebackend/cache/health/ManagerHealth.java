package io.github.corebackend.cache.health;

import java.util.List;

/**
 * The health of a cache manager: of each backend its caches use (and of the one its settings name for
 * caches still to come), each deployment once.
 *
 * @param backends one entry per backend and address
 */
public record ManagerHealth(List<BackendHealth> backends) {

  /** Copies the list. */
  public ManagerHealth {
    backends = List.copyOf(backends);
  }

  /** {@link HealthStatus#DOWN} when any backend is, else {@link HealthStatus#UP}. */
  public HealthStatus status() {
    return backends.stream().anyMatch(b -> b.status() == HealthStatus.DOWN) ? HealthStatus.DOWN : HealthStatus.UP;
  }
}
