package org.winnow.ingest.html;

/**
 * A run of text between two block boundaries, with what selection needs to judge it.
 *
 * @param owner id of the element whose block this is in the {@link PageModel}
 * @param text the text, white space collapsed (kept as is inside {@code <pre>})
 * @param weight the length in Latin-letter equivalents: a CJK character counts three, since it
 *     carries about as much as a short word, so that length thresholds hold for every script
 * @param linkChars characters of {@code text} that are the text of links to other pages
 * @param siteLinkChars characters of {@code text} that are the text of links within the site
 *     (see {@link LinkTarget})
 * @param kind the kind of the owner element
 * @param group id of the enclosing list or table (-1 if none): its blocks are lines of one block
 * @param row id of the enclosing table row (-1 if none): its cells share a line
 */
record TextBlock(
    int owner, String text, int weight, int linkChars, int siteLinkChars, TagKind kind,
    int group, int row) {

  /** A block of at least this weight is a sentence or more, not a label or a menu entry. */
  static final int PROSE_WEIGHT = 60;
  private static final double PROSE_MAX_LINK_DENSITY = 0.5;

  /** Whether the block reads as running text: long enough for a sentence, few links. */
  boolean isProse() {
    return weight >= PROSE_WEIGHT && linkDensity() < PROSE_MAX_LINK_DENSITY;
  }

  /**
   * Whether the block reads as navigation: mostly links within the site. Encyclopedia and news
   * prose links half its words to other articles, so a block long enough for a sentence that
   * ends like one is text unless it is all links.
   */
  boolean isNavigation() {
    double density = siteLinkDensity();
    if (density <= 0.5) {
      return false;
    }
    return density >= 0.9 || weight < PROSE_WEIGHT || !endsLikeASentence();
  }

  /** Ends in a full stop, question or exclamation mark of any script, maybe inside quotes. */
  boolean endsLikeASentence() {
    int i = text.length() - 1;
    while (i > 0 && isClosing(text.charAt(i))) {
      i--;
    }
    return switch (text.charAt(i)) {
      case '.', '!', '?', '\u2026', '\u3002', '\uFF01', '\uFF1F', '\u061F', '\u06D4',
          '\u0964' -> true;
      default -> false;
    };
  }

  private static boolean isClosing(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u00BB' || c == '\u201D'
        || c == '\u2019' || c == '\u201C' || c == '\u300D' || c == '\u300F' || c == '\uFF09';
  }

  /** Share of the text that is link text, from 0 to 1. */
  double linkDensity() {
    return text.isEmpty() ? 0 : (double) linkChars / text.length();
  }

  /** Share of the text that links elsewhere in the same site: navigation rather than citation. */
  double siteLinkDensity() {
    return text.isEmpty() ? 0 : (double) siteLinkChars / text.length();
  }
}
