package org.winnow.tokenizer.pretokenize;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the pre-tokenizer for a pattern string: a hand-written scanner for the published patterns
 * (compared verbatim), {@code java.util.regex} under {@code UNICODE_CHARACTER_CLASS} for any other.
 */
public final class PreTokenizers {

  private static final Map<String, Function<String, PreTokenizer>> SCANNERS = Map.of(
      PreTokenPatterns.GPT2, Gpt2PreTokenizer::new,
      PreTokenPatterns.R50K, Gpt2PreTokenizer::new,
      PreTokenPatterns.R50K_JTOKKIT, Gpt2PreTokenizer::new,
      PreTokenPatterns.CL100K, p -> new Cl100kPreTokenizer(p, true),
      PreTokenPatterns.CL100K_ONIGURUMA, p -> new Cl100kPreTokenizer(p, true),
      PreTokenPatterns.CL100K_LEGACY, p -> new Cl100kPreTokenizer(p, false),
      PreTokenPatterns.O200K, O200kPreTokenizer::new);

  private PreTokenizers() {}

  /**
   * The pre-tokenizer for {@code pattern}.
   *
   * @throws IllegalArgumentException if the pattern is not a valid regular expression
   */
  public static PreTokenizer forPattern(String pattern) {
    Function<String, PreTokenizer> scanner = SCANNERS.get(pattern);
    if (scanner != null) {
      return scanner.apply(pattern);
    }
    return regex(pattern);
  }

  /**
   * The regex implementation of {@code pattern}, even where a scanner exists: the reference for
   * duels, and the slow path for patterns without one.
   */
  public static PreTokenizer regex(String pattern) {
    try {
      return new RegexPreTokenizer(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid pre-tokenisation pattern: " + e.getMessage(), e);
    }
  }

  /** Whether {@code pattern} has a hand-written scanner. */
  public static boolean hasScanner(String pattern) {
    return SCANNERS.containsKey(pattern);
  }
}
