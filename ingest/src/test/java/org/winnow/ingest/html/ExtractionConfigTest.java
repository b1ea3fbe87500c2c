package org.winnow.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExtractionConfigTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    ExtractionConfig config = ExtractionConfig.defaults();
    assertEquals(Duration.ofSeconds(2), config.timeBudget());
    assertEquals(8 << 20, config.maxInputChars());
    assertEquals(1 << 20, config.maxOutputChars());
  }

  @Test
  void rejectsNonsenseAndNamesTheValue() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> new ExtractionConfig(Duration.ZERO, 10, 10));
    assertTrue(zero.getMessage().contains("PT0S"), zero.getMessage());
    IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
        () -> new ExtractionConfig(Duration.ofSeconds(1), -5, 10));
    assertTrue(input.getMessage().contains("-5"), input.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new ExtractionConfig(Duration.ofSeconds(1), 10, 0));
    assertThrows(NullPointerException.class, () -> new ExtractionConfig(null, 10, 10));
  }
}
