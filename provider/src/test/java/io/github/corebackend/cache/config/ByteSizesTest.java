package io.github.corebackend.cache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

  @Test
  void readsBytesAndBinaryUnits() {
    assertEquals(1_048_576, ByteSizes.parse("1048576"));
    assertEquals(2048, ByteSizes.parse("2kb"));
    assertEquals(512L << 20, ByteSizes.parse(" 512MB "));
    assertEquals(3L << 30, ByteSizes.parse("3 gb"));
    assertEquals(0, ByteSizes.parse("0"));
  }

  @Test
  void refusesWhatIsNotASize() {
    for (String text : new String[] {"", "mb", "-1", "1.5mb", "12tb", "9999999999gb"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse(text), text);
      assertTrue(e.getMessage().contains("512mb") || e.getMessage().contains("negative"), e.getMessage());
    }
  }
}
