package org.winnow.jobs.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EuroparlReaderTest {

  @Test
  void readsTheFirstDocumentsInOrder() {
    List<EuroparlDocument> docs = EuroparlReader.read(5);
    assertEquals(5, docs.size());
    for (int i = 0; i < docs.size(); i++) {
      assertEquals(i, docs.get(i).index());
    }
    EuroparlDocument first = docs.get(0);
    assertEquals("(1)", first.title());
    assertEquals(LocalDate.of(2004, 3, 30), first.date());
    assertTrue(first.paragraphs().get(0).startsWith("Istituzioni europee"), first.paragraphs().get(0));
    assertTrue(first.paragraphs().size() > 2, "the excerpt has several paragraphs");
  }

  @Test
  void paragraphsAreSplitAtRunsOfThreeSpaces() {
    for (EuroparlDocument d : EuroparlReader.read(200)) {
      assertFalse(d.paragraphs().isEmpty(), d::title);
      for (String p : d.paragraphs()) {
        assertFalse(p.isBlank());
        assertFalse(p.contains("   "), p);
        assertEquals(p.strip(), p);
      }
    }
  }

  @Test
  void holdsTheWholeSample() {
    assertEquals(EuroparlReader.SIZE, EuroparlReader.read(Integer.MAX_VALUE).size());
  }

  @Test
  void aMalformedLineNamesItsLineNumber() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EuroparlReader.parse("title only", 0, 42));
    assertTrue(e.getMessage().contains(":42:"), e.getMessage());
    IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
        () -> EuroparlReader.parse("t\t2004-13-40\ttext", 0, 7));
    assertTrue(d.getMessage().contains(":7:") && d.getMessage().contains("2004-13-40"), d.getMessage());
  }
}
