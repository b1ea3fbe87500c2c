package org.winnow.filter.pii;

import java.util.Map;

/**
 * The result of redacting one text.
 *
 * @param text   the text with each match replaced by its scanner's placeholder (the input
 *               itself when nothing matched)
 * @param counts matches per scanner name, only names with at least one match
 */
public record Redaction(String text, Map<String, Integer> counts) {
  public Redaction {
    counts = Map.copyOf(counts);
  }

  public boolean changed() {
    return !counts.isEmpty();
  }
}
