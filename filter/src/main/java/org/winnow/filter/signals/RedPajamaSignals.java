package org.winnow.filter.signals;

/**
 * Signals in the style of RedPajama-Data-V2's quality annotations: word diversity, unigram
 * entropy, shouting, stop-word density, and curly brackets. Words are lower-cased per code
 * point before counting distinct ones.
 */
public final class RedPajamaSignals implements SignalFamily {
  public static final String NAME = "redpajama";

  private final LongTable counts = new LongTable();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void compute(TextProfile p, SignalValues out) {
    int words = p.wordCount;
    counts.reset(words);
    int caps = 0;
    int stop = 0;
    for (int i = 0; i < words; i++) {
      counts.count(p.wordFoldHash[i], i);
      int f = p.wordFlags[i];
      caps += (f & TextProfile.ALL_CAPS) >> 1;
      stop += (f & TextProfile.STOP) >> 2;
    }
    // Summed in order of first occurrence, not table order, so the value never depends on the
    // table's capacity (and so on the documents processed before).
    int distinct = counts.size();
    double entropy = 0;
    for (int i = 0; i < words; i++) {
      long c = counts.get(p.wordFoldHash[i]) & 0xffffffffL;
      if (c > 0) {
        double q = (double) c / words;
        entropy -= q * Math.log(q);
        counts.put(p.wordFoldHash[i], 0);
      }
    }
    out.setRatio(SignalSchema.UNIQUE_WORD_FRACTION, distinct, words);
    out.set(SignalSchema.UNIGRAM_ENTROPY, words == 0 ? Double.NaN : entropy);
    out.setRatio(SignalSchema.ALL_CAPS_WORD_FRACTION, caps, words);
    out.setRatio(SignalSchema.STOP_WORD_FRACTION, p.hasStopWords ? stop : Double.NaN, words);
    out.setRatio(SignalSchema.CURLY_BRACKET_RATIO, p.openCurlyCount + p.closeCurlyCount,
        p.charCount);
  }
}
