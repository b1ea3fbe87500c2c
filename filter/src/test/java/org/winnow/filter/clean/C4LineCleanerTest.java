package org.winnow.filter.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.winnow.filter.signals.TextProfiler;

class C4LineCleanerTest {
  private final TextProfiler profiler = new TextProfiler();
  private final C4LineCleaner fineweb = new C4LineCleaner(3, 1000, true, false, true, true);

  private CleanResult clean(C4LineCleaner c, String text) {
    return c.clean(profiler.profile(text, "en"));
  }

  @Test
  void dropsTheLinesC4Drops() {
    String text = "Home\nThe quick brown fox jumps.\nThis site uses cookies to track you.\n"
        + "Please enable JavaScript in your browser.\n\nA second paragraph is here[1].\n"
        + "x".repeat(1001) + " long word line\nOK";
    CleanResult r = clean(fineweb, text);
    assertEquals("The quick brown fox jumps.\n\nA second paragraph is here.", r.text());
    assertTrue(r.changed());
    assertEquals(5, r.linesDropped());
    assertEquals(Map.of("too_few_words", 2, "policy", 1, "javascript", 1, "too_long_word", 1),
        r.dropsByRule());
    assertEquals(text.codePointCount(0, text.length()) - r.text().length(), r.charsRemoved());
  }

  @Test
  void terminalPunctuationIsOptional() {
    String text = "A line without an end\nA line with an end.\nA trailing ellipsis ...\n"
        + "A quote that ends.\"";
    assertEquals("A line with an end.\nA quote that ends.\"",
        clean(C4LineCleaner.c4(), text).text());
    assertSame(text, clean(fineweb, text).text());
  }

  @Test
  void cleanTextIsLeftExactlyAsItWas() {
    String text = "  Indented first line stays.\n\n\nTrailing spaces stay too.  \n";
    CleanResult r = clean(fineweb, text);
    assertFalse(r.changed());
    assertSame(text, r.text());
    assertEquals(0, r.charsRemoved());
  }

  @Test
  void chineseLinesHaveWords() {
    String text = "今天天气很好，我们去公园散步。\n好";
    assertEquals("今天天气很好，我们去公园散步。", clean(fineweb, text).text());
  }

  @Test
  void citationMarksGoButBracketsStay() {
    String text = "Paris is the capital[1][23] of France[edit] and[citation needed] more [x].";
    assertEquals("Paris is the capital of France and more [x].", clean(fineweb, text).text());
  }
}
