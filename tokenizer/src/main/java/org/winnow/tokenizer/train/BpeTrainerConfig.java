package org.winnow.tokenizer.train;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What to train.
 *
 * @param name the vocabulary's name, recorded in manifests
 * @param vocabSize the total number of ids: 256 byte tokens, the learned merges and the special
 *     tokens
 * @param pattern the pre-tokenisation pattern the pre-tokens were counted with; it is written into
 *     the vocabulary so encoding splits the same way
 * @param specialTokens special tokens, given the last ids in this order
 * @param minPairCount training stops early when the most frequent pair is rarer than this
 */
public record BpeTrainerConfig(String name, int vocabSize, String pattern, List<String> specialTokens, long minPairCount) {

  /** Checks the values; the message names the bad one. */
  public BpeTrainerConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    specialTokens = List.copyOf(specialTokens);
    if (vocabSize < 256 + specialTokens.size()) {
      throw new IllegalArgumentException("vocabSize " + vocabSize + " leaves no room for the 256 byte tokens and "
          + specialTokens.size() + " special tokens");
    }
    if (minPairCount < 1) {
      throw new IllegalArgumentException("minPairCount must be at least 1, got " + minPairCount);
    }
    if (new HashSet<>(specialTokens).size() != specialTokens.size()) {
      throw new IllegalArgumentException("duplicate special token in " + specialTokens);
    }
    for (String special : specialTokens) {
      if (special.isEmpty()) {
        throw new IllegalArgumentException("empty special token");
      }
    }
    try {
      Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid pattern: " + e.getMessage(), e);
    }
  }

  /** A vocabulary of {@code vocabSize} ids with {@code <|endoftext|>} as its only special token. */
  public static BpeTrainerConfig of(String name, int vocabSize, String pattern) {
    return new BpeTrainerConfig(name, vocabSize, pattern, List.of("<|endoftext|>"), 1);
  }

  /** The number of merges to learn. */
  public int mergeTarget() {
    return vocabSize - 256 - specialTokens.size();
  }
}
