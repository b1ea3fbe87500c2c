package org.winnow.filter.signals;

/**
 * Gopher's quality heuristics (Rae et al. 2021, "Scaling Language Models", appendix A.1.1), as
 * datatrove's {@code GopherQualityFilter} computes them, with UAX#29 words instead of NLTK's
 * English tokenizer. UAX#29 emits no punctuation tokens, which datatrove filters out of its word
 * count anyway; its symbol ratios divide by that same count.
 */
public final class GopherQualitySignals implements SignalFamily {
  public static final String NAME = "gopher_quality";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void compute(TextProfile p, SignalValues out) {
    int words = p.wordCount;
    long letters = 0;
    int alpha = 0;
    int stop = 0;
    for (int i = 0; i < words; i++) {
      letters += p.wordLength[i];
      int f = p.wordFlags[i];
      alpha += f & TextProfile.ALPHA;
      stop += (f & TextProfile.STOP) >> 2;
    }
    int bullets = 0;
    int ellipses = 0;
    for (int i = 0; i < p.lineCount; i++) {
      int f = p.lineFlags[i];
      if ((f & TextProfile.BULLET) != 0) {
        bullets++;
      }
      if ((f & TextProfile.ELLIPSIS_END) != 0) {
        ellipses++;
      }
    }
    out.set(SignalSchema.WORD_COUNT, words);
    out.setRatio(SignalSchema.MEAN_WORD_LENGTH, letters, words);
    out.setRatio(SignalSchema.HASH_WORD_RATIO, p.hashCount, words);
    out.setRatio(SignalSchema.ELLIPSIS_WORD_RATIO, p.ellipsisCount, words);
    out.setRatio(SignalSchema.BULLET_LINE_FRACTION, bullets, p.lineCount);
    out.setRatio(SignalSchema.ELLIPSIS_LINE_FRACTION, ellipses, p.lineCount);
    out.setRatio(SignalSchema.ALPHA_WORD_FRACTION, alpha, words);
    out.set(SignalSchema.STOP_WORD_COUNT, p.hasStopWords ? stop : Double.NaN);
  }
}
