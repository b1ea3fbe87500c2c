package org.winnow.filter.signals;

/**
 * C4's page and line heuristics (Raffel et al. 2020, section 2.2; datatrove's
 * {@code C4QualityFilter}) as document signals. C4 itself drops failing lines and then judges
 * the page; here the line rules live in the optional line cleaner and these signals describe
 * the text the rules see. Words per line are UAX#29 words, so lines of CJK text have words.
 */
public final class C4Signals implements SignalFamily {
  public static final String NAME = "c4";

  /** C4's {@code min_words_per_line}. */
  public static final int MIN_WORDS_PER_LINE = 3;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void compute(TextProfile p, SignalValues out) {
    int sentences = 0;
    int nonBlank = 0;
    int terminal = 0;
    int fewWords = 0;
    int javascript = 0;
    int policy = 0;
    int lorem = 0;
    int curly = 0;
    for (int i = 0; i < p.lineCount; i++) {
      int f = p.lineFlags[i];
      sentences += p.lineSentences[i];
      if ((f & TextProfile.BLANK) == 0) {
        nonBlank++;
        if ((f & TextProfile.TERMINAL_STRIPPED) != 0) {
          terminal++;
        }
        if (p.lineWords[i] < MIN_WORDS_PER_LINE) {
          fewWords++;
        }
      }
      javascript += (f & TextProfile.JAVASCRIPT) != 0 ? 1 : 0;
      policy += (f & TextProfile.POLICY) != 0 ? 1 : 0;
      lorem += (f & TextProfile.LOREM_IPSUM) != 0 ? 1 : 0;
      curly += (f & TextProfile.CURLY) != 0 ? 1 : 0;
    }
    out.set(SignalSchema.SENTENCE_COUNT, sentences);
    out.setRatio(SignalSchema.TERMINAL_LINE_FRACTION, terminal, nonBlank);
    out.setRatio(SignalSchema.FEW_WORD_LINE_FRACTION, fewWords, nonBlank);
    out.set(SignalSchema.JAVASCRIPT_LINES, javascript);
    out.set(SignalSchema.POLICY_LINES, policy);
    out.set(SignalSchema.LOREM_IPSUM_LINES, lorem);
    out.set(SignalSchema.CURLY_BRACKET_LINES, curly);
  }
}
