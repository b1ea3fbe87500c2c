package org.winnow.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
  @Test
  void columnsArePaddedAndNumbersRightAligned() {
    String nl = System.lineSeparator();
    String t = new SummaryTable().header("fate", "records").row("kept", "1,234").row("rejected", "5")
        .rule().row("in", "1,239").render();
    assertEquals(
        "  fate      records" + nl
            + "  --------  -------" + nl
            + "  kept        1,234" + nl
            + "  rejected        5" + nl
            + "  --------  -------" + nl
            + "  in          1,239" + nl, t);
  }

  @Test
  void unitsFormatForPeople() {
    assertEquals("12,345", Units.count(12345));
    assertEquals("1.5 MB", Units.mb(1024 * 1024 * 3 / 2));
    assertEquals("1,234", Units.decimal(1234.4));
    assertEquals("12.3", Units.decimal(12.34));
    assertEquals("0.42", Units.decimal(0.4242));
    assertEquals("-", Units.decimal(Double.NaN));
    assertEquals("1:02:03", Units.clock(Duration.ofSeconds(3723)));
    assertEquals("0:42", Units.clock(Duration.ofSeconds(42)));
    assertEquals("50.0%", Units.percent(1, 2));
    assertEquals("-", Units.percent(1, 0));
  }
}
