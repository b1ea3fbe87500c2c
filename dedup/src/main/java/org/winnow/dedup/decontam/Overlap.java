package org.winnow.dedup.decontam;

import java.util.Map;

/**
 * What a training text shares with the protected texts.
 *
 * @param shingles        distinct n-gram shingles of the training text
 * @param matched         how many of them occur in some protected text
 * @param matchedBySource per protected source, how many of the text's shingles occur in it
 */
public record Overlap(int shingles, int matched, Map<String, Integer> matchedBySource) {
  public Overlap {
    matchedBySource = Map.copyOf(matchedBySource);
  }

  public static final Overlap NONE = new Overlap(0, 0, Map.of());

  /** The source with the most matched shingles (ties: the first by name), or empty. */
  public String topSource() {
    String best = "";
    int most = 0;
    for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(matchedBySource).entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }
}
