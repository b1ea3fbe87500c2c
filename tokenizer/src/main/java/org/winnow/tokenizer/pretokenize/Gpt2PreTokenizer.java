package org.winnow.tokenizer.pretokenize;

import static org.winnow.tokenizer.pretokenize.CharClasses.LETTER;
import static org.winnow.tokenizer.pretokenize.CharClasses.NUMBER;
import static org.winnow.tokenizer.pretokenize.CharClasses.SPACE_LETTER_NUMBER;
import static org.winnow.tokenizer.pretokenize.CharClasses.WHITESPACE;

/**
 * A hand-written scanner with the splits of GPT-2's pattern
 * {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+}
 * (also r50k_base and p50k_base).
 */
final class Gpt2PreTokenizer extends Scanner {

  Gpt2PreTokenizer(String pattern) {
    super(pattern);
  }

  @Override
  int pieceEnd(byte[] s, int i, int n) {
    byte c = s[i];
    if (c == '\'' && i + 1 < n) {
      byte c1 = s[i + 1];
      if (c1 == 's' || c1 == 't' || c1 == 'd' || c1 == 'm') {
        return i + 2;
      }
      if (i + 2 < n) {
        byte c2 = s[i + 2];
        if ((c1 == 'l' && c2 == 'l') || (c1 == 'v' && c2 == 'e') || (c1 == 'r' && c2 == 'e')) {
          return i + 3;
        }
      }
    }
    int from = i;
    int k = CharClasses.of(CharClasses.codePointAt(s, i));
    if (c == ' ' && i + 1 < n) {
      // " ?X+": the optional space belongs to the piece unless whitespace follows it.
      int k1 = CharClasses.of(CharClasses.codePointAt(s, i + 1));
      if ((k1 & WHITESPACE) == 0) {
        from = i + 1;
        k = k1;
      }
    }
    if ((k & LETTER) != 0) {
      return CharClasses.runOf(s, from, n, LETTER);
    }
    if ((k & NUMBER) != 0) {
      return CharClasses.runOf(s, from, n, NUMBER);
    }
    if ((k & WHITESPACE) == 0) {
      return CharClasses.runOfNone(s, from, n, SPACE_LETTER_NUMBER);
    }
    // Whitespace: "\s+(?!\S)" keeps the last space for the next word, "\s+" takes a lone one.
    int end = CharClasses.runOf(s, i, n, WHITESPACE);
    return end == n ? end : WhitespaceRuns.allButTheLast(s, i, end);
  }
}
