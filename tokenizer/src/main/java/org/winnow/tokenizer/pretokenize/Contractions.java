package org.winnow.tokenizer.pretokenize;

/**
 * The English contraction suffixes {@code 's 't 're 've 'm 'll 'd} matched case-insensitively, by
 * the rule {@code java.util.regex} applies under {@code (?i)} with Unicode case: two characters
 * match when their upper-then-lower case folds agree, which also lets U+017F (long s) match
 * {@code s}.
 */
final class Contractions {

  private Contractions() {}

  /**
   * The end of a case-insensitive contraction starting with the apostrophe at {@code i}, or -1.
   */
  static int caseInsensitiveEnd(String s, int i, int limit) {
    if (i + 1 >= limit) {
      return -1;
    }
    char c1 = fold(s.charAt(i + 1));
    if (c1 == 's' || c1 == 't' || c1 == 'd' || c1 == 'm') {
      return i + 2;
    }
    if (i + 2 < limit) {
      char c2 = fold(s.charAt(i + 2));
      if ((c1 == 'l' && c2 == 'l') || (c1 == 'v' && c2 == 'e') || (c1 == 'r' && c2 == 'e')) {
        return i + 3;
      }
    }
    return -1;
  }

  /** The case fold under which two characters match: upper-casing then lower-casing. */
  static char fold(char c) {
    return c < 0x80
        ? (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c)
        : Character.toLowerCase(Character.toUpperCase(c));
  }
}
