package io.github.corebackend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.corebackend.cache.health.BackendHealth;
import io.github.corebackend.cache.health.HealthStatus;
import io.github.corebackend.cache.health.ManagerHealth;
import io.github.corebackend.cache.spi.TimeSource;
import org.junit.jupiter.api.Test;

/** The health of a manager whose caches live in this JVM. */
class MemoryHealthTest {

  @Test
  void theMemoryBackendIsUpAndAClosedManagerIsNotChecked() {
    UnifiedCacheManager manager = TestManagers.create(TimeSource.SYSTEM);
    ManagerHealth health = manager.health();
    assertEquals(HealthStatus.UP, health.status());
    BackendHealth memory = health.backends().get(0);
    assertEquals("memory UP: in this JVM", memory.toString());
    assertEquals(1, health.backends().size());

    manager.close();
    assertThrows(IllegalStateException.class, manager::health);
  }
}
