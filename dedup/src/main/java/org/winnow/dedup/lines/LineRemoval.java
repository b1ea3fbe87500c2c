package org.winnow.dedup.lines;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * The text of a document without its repeated lines, and how many characters went. Line breaks
 * around a removed line collapse, so no run of blank lines is left behind.
 *
 * @param text         the remaining text
 * @param removedLines lines removed
 * @param removedChars characters removed, line breaks included
 */
public record LineRemoval(String text, int removedLines, long removedChars) {

  /** Removes every line whose fingerprint is in {@code repeated}. */
  public static LineRemoval apply(String text, LongOpenHashSet repeated) {
    if (repeated.isEmpty()) {
      return new LineRemoval(text, 0, 0);
    }
    StringBuilder out = new StringBuilder(text.length());
    int removed = 0;
    boolean blankPending = false;
    for (String line : LineFingerprints.lines(text)) {
      long fp = LineFingerprints.of(line);
      if (fp != LineFingerprints.NONE && repeated.contains(fp)) {
        removed++;
        continue;
      }
      if (line.isBlank()) {
        blankPending = out.length() > 0;
        continue;
      }
      if (out.length() > 0) {
        out.append(blankPending ? "\n\n" : "\n");
      }
      blankPending = false;
      out.append(line);
    }
    if (removed == 0) {
      return new LineRemoval(text, 0, 0);
    }
    String kept = out.toString();
    return new LineRemoval(kept, removed, text.length() - kept.length());
  }
}
