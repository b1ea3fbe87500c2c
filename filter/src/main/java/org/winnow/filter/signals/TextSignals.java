package org.winnow.filter.signals;

/** Size and script: {@code char_count}, {@code line_count}, {@code dominant_script}. */
public final class TextSignals implements SignalFamily {
  public static final String NAME = "text";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void compute(TextProfile p, SignalValues out) {
    out.set(SignalSchema.CHAR_COUNT, p.charCount);
    out.set(SignalSchema.LINE_COUNT, p.lineCount);
    out.setDominantScript(p.dominantScript());
  }
}
