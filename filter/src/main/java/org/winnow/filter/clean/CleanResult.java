package org.winnow.filter.clean;

import java.util.Map;

/**
 * What line cleaning did to one document.
 *
 * @param text         the cleaned text (the input itself when nothing changed)
 * @param changed      whether the text changed
 * @param linesDropped non-blank lines removed
 * @param charsRemoved characters (code points) removed, line breaks included
 * @param dropsByRule  lines removed per line rule ({@link C4LineCleaner} reasons)
 */
public record CleanResult(
    String text, boolean changed, int linesDropped, int charsRemoved,
    Map<String, Integer> dropsByRule) {
  public CleanResult {
    dropsByRule = Map.copyOf(dropsByRule);
  }

  /** The result for a document left as it was. */
  public static CleanResult unchanged(String text) {
    return new CleanResult(text, false, 0, 0, Map.of());
  }
}
