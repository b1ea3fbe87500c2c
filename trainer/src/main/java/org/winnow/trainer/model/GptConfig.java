package org.winnow.trainer.model;

import java.util.Locale;

/**
 * The shape of a GPT-2-style decoder: token and learned position embeddings, {@code nLayer}
 * pre-LayerNorm blocks of causal multi-head attention and a GELU MLP, a final LayerNorm and an
 * output layer tied to the token embedding.
 *
 * @param vocab the tokenizer's vocabulary; the embedding has {@link #paddedVocab()} rows
 * @param context the longest sequence the position embedding covers
 */
public record GptConfig(int nLayer, int nHead, int nEmbd, int context, int vocab) {
  /** Rows of the embedding are padded to a multiple of this, so matrix tiles divide them. */
  public static final int VOCAB_ALIGN = 64;

  public GptConfig {
    if (nLayer <= 0 || nHead <= 0 || nEmbd <= 0 || context <= 0 || vocab <= 1) {
      throw new IllegalArgumentException("model shape must be positive (vocab at least 2): "
          + describe(nLayer, nHead, nEmbd, context, vocab));
    }
    if (nEmbd % nHead != 0) {
      throw new IllegalArgumentException("n_embd " + nEmbd + " is not a multiple of n_head "
          + nHead);
    }
  }

  /**
   * A named preset for {@code vocab} tokens: {@code tiny}, {@code small}, {@code gpt2-124m}, and
   * {@code micro} (2 layers, 128 wide), small enough for tests and minute-long CPU runs.
   */
  public static GptConfig preset(String name, int vocab) {
    switch (name) {
      case "micro":
        return new GptConfig(2, 2, 128, 128, vocab);
      case "tiny":
        return new GptConfig(4, 4, 256, 256, vocab);
      case "small":
        return new GptConfig(6, 6, 384, 256, vocab);
      case "gpt2-124m":
        return new GptConfig(12, 12, 768, 1024, vocab);
      default:
        throw new IllegalArgumentException("unknown model preset '" + name
            + "': choose micro, tiny, small or gpt2-124m");
    }
  }

  /** The vocabulary rounded up to a multiple of {@value #VOCAB_ALIGN}. */
  public int paddedVocab() {
    return (vocab + VOCAB_ALIGN - 1) / VOCAB_ALIGN * VOCAB_ALIGN;
  }

  public int headSize() {
    return nEmbd / nHead;
  }

  /** Parameters, the padded embedding rows included (llm.c counts them the same way). */
  public long parameterCount() {
    return ParameterLayout.of(this).size();
  }

  /**
   * Model FLOPs per trained token at sequence length {@code t}, llm.c's convention: {@code 6 N}
   * for the parameters' forward and backward plus {@code 6 L C T} for attention's score and value
   * products.
   */
  public double flopsPerToken(int t) {
    return 6.0 * parameterCount() + 6.0 * nLayer * nEmbd * (double) t;
  }

  @Override
  public String toString() {
    return describe(nLayer, nHead, nEmbd, context, vocab);
  }

  private static String describe(int l, int h, int c, int t, int v) {
    return String.format(Locale.ROOT, "n_layer=%d n_head=%d n_embd=%d context=%d vocab=%d",
        l, h, c, t, v);
  }
}
