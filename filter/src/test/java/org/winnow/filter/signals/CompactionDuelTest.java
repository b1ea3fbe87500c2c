package org.winnow.filter.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.winnow.filter.clean.C4LineCleaner;
import org.winnow.filter.clean.CleanResult;

/**
 * After line cleaning, the pipeline derives the cleaned text's profile from the raw one
 * (TextProfiler.profileKeptLines). Duelled here against profiling the cleaned text afresh.
 */
class CompactionDuelTest {
  private static final String[] LINES = {
    "The cat sat on the mat.", "Home", "Menu | Login", "Please enable JavaScript to continue.",
    "This site uses cookies.", "Ein Satz auf Deutsch, mit Umlauten: äöü.", "今天天气很好。我们去公园。",
    "# Heading with hash", "• bullet point item here", "- dash item with words", "Wait for it...",
    "{ code: 1 }", "lorem ipsum dolor sit amet", "  indented line with spaces  ", "", "", " ",
    "x".repeat(1200) + " long", "Price: 3.14 and 1,000 units!", "😀 emoji line here ok",
    "Cited claim here[1].", "ok", "a b c d e f g h i j k",
  };

  private final TextProfiler raw = new TextProfiler();
  private final TextProfiler fresh = new TextProfiler();
  private final List<SignalFamily> families = SignalFamily.all();

  private SignalValues signals(TextProfile p) {
    SignalValues v = new SignalValues();
    for (SignalFamily f : families) {
      f.compute(p, v);
    }
    return v;
  }

  @Test
  void keptLinesProfileEqualsAFreshProfile() {
    SplittableRandom r = new SplittableRandom(5);
    C4LineCleaner[] cleaners = {
      new C4LineCleaner(3, 1000, false, false, true, true), C4LineCleaner.c4(),
      new C4LineCleaner(5, 100, false, true, false, true),
    };
    int derived = 0;
    for (int t = 0; t < 3000; t++) {
      StringBuilder sb = new StringBuilder();
      int lines = r.nextInt(25);
      for (int i = 0; i < lines; i++) {
        sb.append(LINES[r.nextInt(LINES.length)]);
        if (i + 1 < lines || r.nextBoolean()) {
          sb.append(r.nextInt(5) == 0 ? "\r\n" : "\n");
        }
      }
      String text = sb.toString();
      String lang = t % 2 == 0 ? "en" : "de";
      CleanResult c = cleaners[t % cleaners.length].clean(raw.profile(text, lang));
      if (!c.changed()) {
        continue;
      }
      Optional<TextProfile> compacted = raw.profileKeptLines(c.text());
      if (compacted.isEmpty()) {
        continue;
      }
      derived++;
      SignalValues a = signals(compacted.get());
      SignalValues b = signals(fresh.profile(c.text(), lang));
      Map<String, Object> want = new java.util.HashMap<>();
      Object[] row = b.toRow();
      for (Signal s : SignalSchema.SIGNALS) {
        want.put(s.name(), row[s.index()]);
      }
      SignalAssert.matchesAll(a, want, "text #" + t + " cleaned to: " + c.text());
      assertEquals(fresh.profile(c.text(), lang).wordCount(), compacted.get().wordCount());
    }
    assertTrue(derived > 1000, "only " + derived + " derived profiles");
  }

  @Test
  void anEditedLineIsNotDerived() {
    raw.profile("First line here.\nSecond line[1] here.", "en");
    assertTrue(raw.profileKeptLines("First line here.\nSecond line here.").isEmpty());
    assertTrue(raw.profileKeptLines("First line here.").isPresent());
  }
}
