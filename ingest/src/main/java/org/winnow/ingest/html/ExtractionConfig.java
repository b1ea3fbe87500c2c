package org.winnow.ingest.html;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for {@link MainTextExtractor}. Every page costs at most {@code timeBudget} of CPU time
 * and yields at most {@code maxOutputChars} of text, whatever its HTML looks like.
 *
 * @param timeBudget wall-clock time allowed for one page, parsing included; checked every few
 *     hundred nodes and every few kilobytes of input, so a page overruns it by milliseconds at most
 * @param maxInputChars characters of HTML that are parsed; the rest of a longer page is ignored
 *     (a caller that needs to count such pages compares {@code html.length()} with this)
 * @param maxOutputChars characters of main text kept; a longer text is cut at a block boundary
 *     where there is one, so the output never ends in the middle of a word
 */
public record ExtractionConfig(Duration timeBudget, int maxInputChars, int maxOutputChars) {

  /** Two seconds is about a hundred times the cost of a typical page. */
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(2);

  /** 8 Mi characters: far above real articles, below pages that only blow up memory. */
  public static final int DEFAULT_MAX_INPUT_CHARS = 8 << 20;

  /** 1 Mi characters of main text: a long book chapter; beyond that a page is a dump. */
  public static final int DEFAULT_MAX_OUTPUT_CHARS = 1 << 20;

  public ExtractionConfig {
    Objects.requireNonNull(timeBudget, "timeBudget");
    if (timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("timeBudget must be positive, got " + timeBudget);
    }
    if (maxInputChars <= 0) {
      throw new IllegalArgumentException("maxInputChars must be positive, got " + maxInputChars);
    }
    if (maxOutputChars <= 0) {
      throw new IllegalArgumentException("maxOutputChars must be positive, got " + maxOutputChars);
    }
  }

  /** The limits used by the ingest stage unless configured otherwise. */
  public static ExtractionConfig defaults() {
    return new ExtractionConfig(
        DEFAULT_TIME_BUDGET, DEFAULT_MAX_INPUT_CHARS, DEFAULT_MAX_OUTPUT_CHARS);
  }

  /** A copy with another time budget. */
  public ExtractionConfig withTimeBudget(Duration budget) {
    return new ExtractionConfig(budget, maxInputChars, maxOutputChars);
  }
}
