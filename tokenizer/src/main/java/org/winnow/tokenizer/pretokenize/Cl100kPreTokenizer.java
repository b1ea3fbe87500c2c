package org.winnow.tokenizer.pretokenize;

import static org.winnow.tokenizer.pretokenize.CharClasses.LETTER;
import static org.winnow.tokenizer.pretokenize.CharClasses.NEWLINE_LETTER_NUMBER;
import static org.winnow.tokenizer.pretokenize.CharClasses.NUMBER;
import static org.winnow.tokenizer.pretokenize.CharClasses.SPACE_LETTER_NUMBER;

/**
 * A hand-written scanner with the splits of cl100k_base's pattern
 * {@code '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+
 * |\s++$|\s*[\r\n]|\s+(?!\S)|\s}.
 */
final class Cl100kPreTokenizer extends Scanner {

  private final boolean textEndFirst;

  /**
   * @param pattern the pattern string this scanner stands for
   * @param textEndFirst whether trailing whitespace is one piece ({@code \s++$} first, the
   *     current published form) or splits after its last newline (the earlier form)
   */
  Cl100kPreTokenizer(String pattern, boolean textEndFirst) {
    super(pattern);
    this.textEndFirst = textEndFirst;
  }

  @Override
  int pieceEnd(byte[] s, int i, int n) {
    byte c = s[i];
    if (c == '\'' && i + 1 < n) {
      int end = Contractions.caseInsensitiveEnd(s, i, n);
      if (end > 0) {
        return end;
      }
    }
    int cp = CharClasses.codePointAt(s, i);
    int k = CharClasses.of(cp);
    int next = i + CharClasses.width(cp);
    if ((k & LETTER) != 0) {
      return CharClasses.runOf(s, next, n, LETTER);
    }
    if ((k & NEWLINE_LETTER_NUMBER) == 0 && next < n) {
      // "[^\r\n\p{L}\p{N}]?+\p{L}++": one leading non-letter, non-digit, non-newline.
      int cp1 = CharClasses.codePointAt(s, next);
      if ((CharClasses.of(cp1) & LETTER) != 0) {
        return CharClasses.runOf(s, next + CharClasses.width(cp1), n, LETTER);
      }
    }
    if ((k & NUMBER) != 0) {
      return Digits.upToThree(s, next, n);
    }
    int punctuationEnd = -1;
    if ((k & SPACE_LETTER_NUMBER) == 0) {
      punctuationEnd = CharClasses.runOfNone(s, next, n, SPACE_LETTER_NUMBER);
    } else if (c == ' ' && next < n
        && (CharClasses.of(CharClasses.codePointAt(s, next)) & SPACE_LETTER_NUMBER) == 0) {
      punctuationEnd = CharClasses.runOfNone(s, next, n, SPACE_LETTER_NUMBER);
    }
    if (punctuationEnd >= 0) {
      while (punctuationEnd < n && isNewline(s[punctuationEnd])) {
        punctuationEnd++;
      }
      return punctuationEnd;
    }
    return textEndFirst ? WhitespaceRuns.textEndFirst(s, i, n) : WhitespaceRuns.newlineFirst(s, i, n);
  }

  private static boolean isNewline(byte c) {
    return c == '\r' || c == '\n';
  }
}
