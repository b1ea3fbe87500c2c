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
   * The end of a case-insensitive contraction starting with the apostrophe at {@code i} of valid
   * UTF-8, or -1.
   */
  static int caseInsensitiveEnd(byte[] s, int i, int limit) {
    int at = i + 1;
    if (at >= limit) {
      return -1;
    }
    int cp1 = CharClasses.codePointAt(s, at);
    int c1 = fold(cp1);
    at += CharClasses.width(cp1);
    if (c1 == 's' || c1 == 't' || c1 == 'd' || c1 == 'm') {
      return at;
    }
    if (at < limit) {
      int cp2 = CharClasses.codePointAt(s, at);
      int c2 = fold(cp2);
      if ((c1 == 'l' && c2 == 'l') || (c1 == 'v' && c2 == 'e') || (c1 == 'r' && c2 == 'e')) {
        return at + CharClasses.width(cp2);
      }
    }
    return -1;
  }

  /** The case fold under which two characters match: upper-casing then lower-casing. */
  static int fold(int cp) {
    return cp < 0x80
        ? (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp)
        : Character.toLowerCase(Character.toUpperCase(cp));
  }
}
