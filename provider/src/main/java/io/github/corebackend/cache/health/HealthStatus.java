package io.github.corebackend.cache.health;

/** Whether a backend serves its caches as configured. */
public enum HealthStatus {
  /** It does. */
  UP,
  /** It does not: operations fail, or (a near cache's lost invalidations) lose what the backend is for. */
  DOWN
}
