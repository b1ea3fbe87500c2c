package org.winnow.dedup.decontam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ShingleWindows} against Lucene's {@code ShingleFilter} on random text: a window for
 * every shingle the filter emits, in the same order, each with the hash of that shingle's words.
 */
class ShingleWindowsDuelTest {
  /** Pieces that make words, word breaks and the analysis chain's edge cases. */
  private static final String[] PIECES = {
    "the", "The", "QUICK", "fox", "jumps", "über", "İstanbul", "ΣΟΦΙΑ", "naïve", "don't",
    "3.14", "1,000", "e-mail", "a@b.org", "http://x.org/y", "日本語", "中文字", "한국어", "ไทย",
    "עברית", "العربية", "😀", "👩‍💻", "e\u0301", "\u200d", "\u00ad", "x".repeat(300),
    " ", " ", " ", "  ", "\n", "\n\n", "\t", ", ", ". ", "! ", "... ", "-", "—", "(", ")", "'",
    "\"", "#", "\ud800", "\udc00", "\u0000", "\u2028"
  };

  private static String randomText(Random r, int pieces) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
      if (r.nextInt(3) > 0) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  private static List<Long> windows(ShingleWindows w, String text) {
    List<Long> hashes = new ArrayList<>();
    w.forEach(text, hashes::add);
    return hashes;
  }

  @Test
  void aWindowForEveryShingleOfLucenesShingleFilter() {
    Random r = new Random(42);
    for (int n : new int[] {2, 3, 5, 13}) {
      ShingleWindows w = new ShingleWindows(new WordAnalyzer(), n);
      for (int i = 0; i < 400; i++) {
        String text = randomText(r, r.nextInt(i % 50 == 0 ? 2000 : 60));
        List<Long> expected = new ArrayList<>();
        for (String shingle : LuceneShingles.of(text, n)) {
          // The analysis never leaves a space inside a word, so the shingle splits back.
          String[] words = shingle.split(" ", -1);
          assertEquals(n, words.length, shingle);
          expected.add(ShingleWindows.hashOf(words));
        }
        assertEquals(expected, windows(w, text), text);
      }
    }
  }

  @Test
  void aShinglesHashDependsOnItsWordsAlone() {
    ShingleWindows w = new ShingleWindows(new WordAnalyzer(), 3);
    List<Long> a = windows(w, "Alpha beta gamma delta");
    List<Long> b = windows(w, "zeta, ALPHA -- Beta; gamma!");
    assertEquals(ShingleWindows.hashOf("alpha", "beta", "gamma"), a.get(0));
    assertEquals(a.get(0), b.get(1));
    assertNotEquals(a.get(0), a.get(1));
    // The same words in another order are another shingle.
    assertNotEquals(a.get(0), windows(w, "beta alpha gamma").get(0));
  }

  @Test
  void stopsWhereTheSinkSaysSo() {
    ShingleWindows w = new ShingleWindows(new WordAnalyzer(), 2);
    List<Long> seen = new ArrayList<>();
    w.forEach("one two three four five", hash -> {
      seen.add(hash);
      return seen.size() < 2;
    });
    assertEquals(List.of(ShingleWindows.hashOf("one", "two"),
        ShingleWindows.hashOf("two", "three")), seen);
  }

  @Test
  void fewerWordsThanNGiveNoWindow() {
    ShingleWindows w = new ShingleWindows(new WordAnalyzer(), 13);
    assertEquals(List.of(),
        windows(w, "only twelve words here, one two three four five six seven"));
    assertEquals(List.of(), windows(w, ""));
    assertThrows(IllegalArgumentException.class, () -> new ShingleWindows(new WordAnalyzer(), 1));
  }
}
