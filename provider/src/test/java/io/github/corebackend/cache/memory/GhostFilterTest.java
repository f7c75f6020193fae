package io.github.corebackend.cache.memory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GhostFilterTest {

  @Test
  void remembersRecentHashesAndForgetsThemAfterCapacityInsertions() {
    GhostFilter ghost = new GhostFilter(100);
    assertFalse(ghost.contains(42));

    ghost.add(42);
    assertTrue(ghost.contains(42));
    assertFalse(ghost.contains(43));

    for (int i = 1_000; i < 1_100; i++) {
      ghost.add(i);
    }
    assertFalse(ghost.contains(42), "100 newer insertions push it out");
  }

  @Test
  void clearForgetsEverything() {
    GhostFilter ghost = new GhostFilter(10);
    ghost.add(7);
    ghost.clear();
    assertFalse(ghost.contains(7));
  }
}
