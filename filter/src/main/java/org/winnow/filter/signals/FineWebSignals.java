package org.winnow.filter.signals;

/**
 * FineWeb's own heuristics (Penedo et al. 2024; datatrove's {@code FineWebQualityFilter}) over
 * non-blank lines: the share ending in punctuation, the share of short lines, the characters in
 * repeated lines, and line breaks per word (its "list ratio").
 */
public final class FineWebSignals implements SignalFamily {
  public static final String NAME = "fineweb";

  /** FineWeb's {@code short_line_length}: a line of at most this many characters is short. */
  public static final int SHORT_LINE_LENGTH = 30;

  private final LongTable seen = new LongTable();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void compute(TextProfile p, SignalValues out) {
    seen.reset(p.lineCount);
    int nonBlank = 0;
    int punct = 0;
    int shortLines = 0;
    long dupChars = 0;
    for (int i = 0; i < p.lineCount; i++) {
      int f = p.lineFlags[i];
      if ((f & TextProfile.BLANK) != 0) {
        continue;
      }
      nonBlank++;
      if ((f & TextProfile.TERMINAL_RAW) != 0) {
        punct++;
      }
      if (p.lineChars[i] <= SHORT_LINE_LENGTH) {
        shortLines++;
      }
      if (!seen.add(p.lineHash[i])) {
        dupChars += p.lineChars[i];
      }
    }
    out.setRatio(SignalSchema.LINE_PUNCT_RATIO, punct, nonBlank);
    out.setRatio(SignalSchema.SHORT_LINE_RATIO, shortLines, nonBlank);
    out.setRatio(SignalSchema.DUP_LINE_CHAR_RATIO, dupChars, p.charCount - p.newlineCount);
    out.setRatio(SignalSchema.NEWLINE_WORD_RATIO, p.newlineCount, p.wordCount);
  }
}
