package org.winnow.filter.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.winnow.core.text.WordSegmenter;
import org.winnow.filter.testdata.TestCorpora;

/**
 * The profiler's words (its own ASCII scanner plus Lucene for the rest) against core's
 * WordSegmenter (Lucene over the whole text) on random text dense in the characters that decide
 * UAX#29 word breaks.
 */
class WordDuelTest {
  private static final String ASCII = "aaabbZZ0019__..::'',,;;\"--  \t\n!?#@/";
  private static final String[] OTHER = {
    "é", "ß", "Ж", "字", "の", "カ", "\u0301", "\u200B", "\u00AD", "\u2019", "\u00A0", "😀",
    "\uD83D", "\uDE00", "\u05D0", "\u0627", "\u3000", "\u00B7", "ǅ", "ก", "१",
  };

  private final TextProfiler profiler = new TextProfiler();
  private final WordSegmenter segmenter = new WordSegmenter();

  private List<String> expected(String text) {
    String t = text;
    if (!t.isEmpty() && Character.isHighSurrogate(t.charAt(t.length() - 1))) {
      t = t.substring(0, t.length() - 1);
    }
    return segmenter.words(t);
  }

  private void duel(String text, String context) {
    List<String> want = expected(text);
    TextProfile p = profiler.profile(text, "und");
    List<String> problems = new ArrayList<>();
    if (want.size() != p.wordCount()) {
      problems.add("word count " + p.wordCount() + ", expected " + want.size() + " " + want);
    } else {
      for (int i = 0; i < want.size(); i++) {
        String w = want.get(i);
        char[] c = w.toCharArray();
        if (TextHash.foldHash(c, c.length) != p.wordFoldHash(i)
            || w.codePointCount(0, w.length()) != p.wordLength(i)) {
          problems.add("word " + i + " should be '" + w + "'");
          break;
        }
      }
    }
    assertEquals(List.of(), problems, context);
  }

  @Test
  void asciiHeavyRandomText() {
    SplittableRandom r = new SplittableRandom(31);
    for (int t = 0; t < 20_000; t++) {
      int len = r.nextInt(t % 100 == 0 ? 600 : 40);
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < len; k++) {
        if (r.nextInt(12) == 0) {
          sb.append(OTHER[r.nextInt(OTHER.length)]);
        } else {
          sb.append(ASCII.charAt(r.nextInt(ASCII.length())));
        }
      }
      duel(sb.toString(), "random text #" + t + ": " + sb);
    }
  }

  @Test
  void longRunsGoToLucene() {
    duel("a".repeat(700) + " b " + "c.".repeat(300) + "d " + "1,".repeat(400) + "2", "long");
    duel("x".repeat(254) + " " + "y".repeat(255) + " " + "z".repeat(256), "around 255");
  }

  @Test
  void realText() {
    for (String text : TestCorpora.europarl().subList(0, 400)) {
      duel(text, "Europarl");
    }
  }
}
