package org.winnow.tokenizer.pretokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    assertEquals(2, Contractions.caseInsensitiveEnd("'\u017Fx", 0, 3));
    assertEquals(3, Contractions.caseInsensitiveEnd("'LlX", 0, 4));
    assertEquals(-1, Contractions.caseInsensitiveEnd("'l", 0, 2));
    assertEquals(-1, Contractions.caseInsensitiveEnd("'ve", 0, 2));
    assertEquals(-1, Contractions.caseInsensitiveEnd("'x", 0, 2));
  }
}
