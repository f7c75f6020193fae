package io.github.corebackend.cache.management;

import io.github.corebackend.cache.health.BackendHealth;
import io.github.corebackend.cache.health.ManagerHealth;
import java.util.List;
import java.util.function.Supplier;

/** The {@link HealthMXBean} of a manager, over its health check. */
public final class HealthBean implements HealthMXBean {

  private final Supplier<ManagerHealth> check;

  /** A bean that runs {@code check} on every read. */
  public HealthBean(Supplier<ManagerHealth> check) {
    this.check = check;
  }

  @Override
  public String getStatus() {
    return check.get().status().name();
  }

  @Override
  public List<String> getBackends() {
    return check.get().backends().stream().map(BackendHealth::toString).toList();
  }
}
