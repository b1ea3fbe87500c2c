package org.winnow.tokenizer.pretokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The class table against {@code java.util.regex} on every code point, and the case folding on every char. */
class CharClassesTest {

  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;

  @Test
  void everyCodePointHasTheRegexClasses() {
    Pattern space = Pattern.compile("\\s", FLAGS);
    Pattern letter = Pattern.compile("\\p{L}", FLAGS);
    Pattern number = Pattern.compile("\\p{N}", FLAGS);
    Pattern upper = Pattern.compile("[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]", FLAGS);
    Pattern lower = Pattern.compile("[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]", FLAGS);
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      String s = new String(Character.toChars(cp));
      int k = CharClasses.of(cp);
      int expected = (space.matcher(s).matches() ? CharClasses.WHITESPACE : 0)
          | (letter.matcher(s).matches() ? CharClasses.LETTER : 0)
          | (number.matcher(s).matches() ? CharClasses.NUMBER : 0)
          | (upper.matcher(s).matches() ? CharClasses.UPPER_SIDE : 0)
          | (lower.matcher(s).matches() ? CharClasses.LOWER_SIDE : 0)
          | (cp == '\r' || cp == '\n' ? CharClasses.NEWLINE : 0);
      if (k != expected) {
        assertEquals(expected, k, String.format("U+%04X", cp));
      }
    }
  }

  @Test
  void everyCharFoldsLikeTheRegex() {
    String letters = "stdmlver";
    Pattern[] patterns = new Pattern[letters.length()];
    for (int i = 0; i < letters.length(); i++) {
      patterns[i] = Pattern.compile("(?i:" + letters.charAt(i) + ")", FLAGS);
    }
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String text = String.valueOf(c);
      for (int i = 0; i < letters.length(); i++) {
        boolean regex = patterns[i].matcher(text).matches();
        boolean ours = Contractions.fold(c) == letters.charAt(i);
        if (regex != ours) {
          assertEquals(regex, ours, String.format("U+%04X against %s", (int) c, letters.charAt(i)));
        }
      }
    }
  }

  @Test
  void contractionsNeedTheWholeSuffix() {
    // U+017F is two bytes of UTF-8: the contraction ends after both.
    assertEquals(3, contractionEnd("'\u017Fx"));
    assertEquals(3, contractionEnd("'LlX"));
    assertEquals(-1, contractionEnd("'l"));
    assertEquals(-1, contractionEnd("'ve".substring(0, 2)));
    assertEquals(-1, contractionEnd("'x"));
  }

  private static int contractionEnd(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return Contractions.caseInsensitiveEnd(utf8, 0, utf8.length);
  }

  @Test
  void utf8HelpersStepOverWholeSequences() {
    String text = "a\u00e9\u4e2d\ud83d\ude00";
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int[] starts = {0, 1, 3, 6};
    for (int i = 0; i < starts.length; i++) {
      int expected = text.codePointAt(text.offsetByCodePoints(0, i));
      assertEquals(expected, CharClasses.codePointAt(utf8, starts[i]));
      int end = i + 1 < starts.length ? starts[i + 1] : utf8.length;
      assertEquals(end - starts[i], CharClasses.width(expected));
      assertEquals(starts[i], CharClasses.previousStart(utf8, end));
      assertTrue(CharClasses.isOneCodePoint(utf8, starts[i], end));
    }
  }
}
