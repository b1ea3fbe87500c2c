package org.winnow.ingest.html;

/**
 * Which characters count as white space when text is collapsed. Wider than
 * {@link Character#isWhitespace(char)}: the no-break and typographic spaces that HTML pages use
 * for layout ({@code &nbsp;}, thin space, ideographic space) are spaces to a reader too.
 */
final class Whitespace {
  private Whitespace() {}

  /** Whether {@code c} is white space of any script, no-break spaces included. */
  static boolean isSpace(char c) {
    if (c <= ' ') {
      // Controls below the space are either white space (tab, line feed, ...) or junk that a
      // reader never sees; both separate words at most.
      return true;
    }
    if (c < 0x85) {
      return false;
    }
    return c == 0x85
        || c == 0xA0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000;
  }

  /** Length of {@code s} once every run of white space is one space and the ends are trimmed. */
  static int collapsedLength(String s) {
    int length = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      if (isSpace(s.charAt(i))) {
        pendingSpace = length > 0;
      } else {
        if (pendingSpace) {
          length++;
          pendingSpace = false;
        }
        length++;
      }
    }
    return length;
  }
}
