package io.github.corebackend.cache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"250ms, 250", "90s, 90000", "5m, 300000", "1h, 3600000", "2d, 172800000", "PT1H, 3600000",
      "pt30s, 30000", "0, 0", " 10 s , 10000"})
  void parsesUnitsAndIso8601(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), Durations.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "", "ten minutes", "5w", "-5s", "PT-1S"})
  void rejectsTextWithoutAUnitOrNegativeDurations(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Durations.parse(text));
    assertTrue(e.getMessage().contains("duration"), e.getMessage());
  }
}
