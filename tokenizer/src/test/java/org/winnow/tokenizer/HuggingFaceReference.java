package org.winnow.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Hugging Face tokenizers (Rust, through DJL; the native library comes from DJL's jar, nothing is
 * downloaded), without the truncation, padding and added special tokens DJL applies by default.
 */
public final class HuggingFaceReference implements AutoCloseable {

  private final HuggingFaceTokenizer tokenizer;

  private HuggingFaceReference(HuggingFaceTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /** The tokenizer of {@code tokenizerJson}. */
  public static HuggingFaceReference load(Path tokenizerJson) {
    try {
      return new HuggingFaceReference(HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
          "addSpecialTokens", "false",
          "truncation", "false",
          "padding", "false",
          "maxLength", "1000000000",
          "modelMaxLength", "1000000000")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids of {@code text}. */
  public int[] encode(String text) {
    long[] ids = tokenizer.encode(text, false, false).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = Math.toIntExact(ids[i]);
    }
    return out;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
