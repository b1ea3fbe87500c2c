package org.winnow.tokenizer.pretokenize;

import static org.winnow.tokenizer.pretokenize.CharClasses.NUMBER;

/** {@code \p{N}{1,3}+}, the digit groups of the cl100k and o200k patterns. */
final class Digits {

  private Digits() {}

  /** The end of a group of at most three numbers whose first ends at {@code next}. */
  static int upToThree(byte[] s, int next, int n) {
    int end = next;
    for (int digits = 1; digits < 3 && end < n; digits++) {
      int d = CharClasses.codePointAt(s, end);
      if ((CharClasses.of(d) & NUMBER) == 0) {
        break;
      }
      end += CharClasses.width(d);
    }
    return end;
  }
}
