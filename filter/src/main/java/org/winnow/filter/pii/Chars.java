package org.winnow.filter.pii;

/** ASCII character tests shared by the scanners (the patterns they find are ASCII). */
final class Chars {
  private Chars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  static boolean isHex(char c) {
    return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  }

  /**
   * Whether the number-like match ending before {@code end} runs on into more of the same: a
   * letter or digit, '+', '/', ':', or '.', ',' or '-' followed by a digit. Sentence punctuation
   * after a match ("call 555.123.4567.") does not.
   */
  static boolean continuesAt(String text, int end) {
    if (end >= text.length()) {
      return false;
    }
    char c = text.charAt(end);
    if (isWordChar(c) || c == '+' || c == '/' || c == ':') {
      return true;
    }
    return (c == '.' || c == ',' || c == '-') && end + 1 < text.length()
        && isDigit(text.charAt(end + 1));
  }

  /** A letter or digit of any script: what may not touch a match on either side. */
  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
