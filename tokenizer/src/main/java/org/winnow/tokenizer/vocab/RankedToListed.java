package org.winnow.tokenizer.vocab;

import org.winnow.tokenizer.bpe.MergeListDerivation;
import org.winnow.tokenizer.bpe.TokenBytes;

/**
 * A ranked vocabulary as a listed one with {@code ignore_merges}, which Hugging Face tokenizers
 * encode as tiktoken does: how an OpenAI encoding is exported as a {@code tokenizer.json}.
 */
public final class RankedToListed {

  private RankedToListed() {}

  /** {@code definition} itself if it is listed, else its merge list derived from the ranks. */
  public static BpeDefinition convert(BpeDefinition definition) {
    if (definition.isListed()) {
      return definition;
    }
    int[][] merges = MergeListDerivation.derive(TokenBytes.of(definition.tokens()));
    return BpeDefinition.listed(definition.name(), definition.tokens(), merges[0], merges[1], true,
        definition.specialTokens(), definition.pattern(), definition.sha256());
  }
}
