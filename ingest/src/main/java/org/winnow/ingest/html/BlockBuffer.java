package org.winnow.ingest.html;

/**
 * The text of the block being read. White space is collapsed as text arrives (kept as is inside
 * {@code <pre>}), invisible characters are dropped, and the block's weight and link characters
 * are counted on the way, so a block is measured without a second look at its text.
 */
final class BlockBuffer {
  private final StringBuilder text = new StringBuilder(256);
  private boolean pendingSpace;
  private int weight;
  private int linkChars;
  private int siteLinkChars;

  /**
   * Appends the text of one text node and returns how many characters it added.
   *
   * @param inLink whether the text is inside a link to another page
   * @param inSiteLink whether that link stays within the site
   */
  int append(String s, boolean preformatted, boolean inLink, boolean inSiteLink) {
    int added = preformatted ? appendAsIs(s) : appendCollapsed(s);
    if (inLink) {
      linkChars += added;
    }
    if (inSiteLink) {
      siteLinkChars += added;
    }
    return added;
  }

  private int appendCollapsed(String s) {
    int added = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Whitespace.isSpace(c)) {
        pendingSpace = true;
        continue;
      }
      if (isInvisible(c)) {
        continue;
      }
      if (pendingSpace) {
        int last = text.length() - 1;
        if (last >= 0 && text.charAt(last) != '\n') {
          text.append(' ');
          added++;
        }
        pendingSpace = false;
      }
      text.append(c);
      weight += weightOf(c);
      added++;
    }
    return added;
  }

  private int appendAsIs(String s) {
    int added = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || isInvisible(c)) {
        continue;
      }
      text.append(c);
      weight += weightOf(c);
      added++;
    }
    pendingSpace = false;
    return added;
  }

  /** A {@code <br>}: a new line within the block, never at its start or twice in a row. */
  void lineBreak() {
    int last = text.length() - 1;
    if (last >= 0 && text.charAt(last) != '\n') {
      text.append('\n');
    }
    pendingSpace = false;
  }

  /**
   * The block read so far, trimmed, or null when it holds no visible text; empties the buffer
   * either way.
   */
  TextBlock take(int owner, TagKind kind, int group, int row) {
    int end = text.length();
    while (end > 0 && Whitespace.isSpace(text.charAt(end - 1))) {
      end--;
    }
    int start = 0;
    while (start < end && text.charAt(start) == '\n') {
      // Only preformatted text starts with a line break: the one right after <pre>.
      start++;
    }
    TextBlock block = null;
    if (start < end) {
      int length = end - start;
      block = new TextBlock(owner, text.substring(start, end), weight,
          Math.min(linkChars, length), Math.min(siteLinkChars, length), kind, group, row);
    }
    text.setLength(0);
    pendingSpace = false;
    weight = 0;
    linkChars = 0;
    siteLinkChars = 0;
    return block;
  }

  /**
   * Soft hyphens, zero-width spaces, word joiners and byte-order marks only hint at layout; left
   * in, they split words that any later matching, dedup or tokenizer should see whole. Joiners
   * that shape scripts (ZWJ, ZWNJ) are letters' business and stay.
   */
  private static boolean isInvisible(char c) {
    return c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
  }

  /** Ideographs, kana and hangul: one character says about what a short word says. */
  private static int weightOf(char c) {
    return c >= 0x2E80 && c < 0xD800 ? 3 : 1;
  }
}
