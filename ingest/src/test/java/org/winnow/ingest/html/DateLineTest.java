package org.winnow.ingest.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DateLineTest {
  private static TextBlock block(String text, TagKind kind) {
    int weight = text.codePoints().map(c -> c >= 0x2E80 ? 3 : 1).sum();
    return new TextBlock(0, text, weight, 0, 0, kind, -1, -1);
  }

  @Test
  void datesAndTimesOfManyLanguages() {
    for (String date : new String[] {"23.10.2018", "3:59 PM", "19:49", "05:28 Uhr",
        "Dienstag, 4. Juni 2019", "January 13, 2020", "2019年6月14日", "14/06/2019"}) {
      assertTrue(DateLine.is(block(date, TagKind.PARAGRAPH)), date);
    }
  }

  @Test
  void sentencesNamesAndTablesAreNotDates() {
    assertFalse(DateLine.is(block("Kapitel 121 ist da", TagKind.PARAGRAPH)));
    assertFalse(DateLine.is(block("Wir sind im Steak-Himmel!", TagKind.PARAGRAPH)));
    assertFalse(DateLine.is(block("Photo: Reuters", TagKind.PARAGRAPH)));
    assertFalse(DateLine.is(block("2019", TagKind.CELL)));
    assertFalse(DateLine.is(block("12.5", TagKind.LIST_ITEM)));
    assertFalse(DateLine.is(block("The meeting starts at 10:00 in the town hall", TagKind.PARAGRAPH)));
  }
}
