package org.winnow.tokenizer.pretokenize;

/**
 * Splits text into pre-tokens, the pieces BPE merges within, as a pre-tokenisation pattern
 * would: pieces are contiguous and cover the text, so the caller walks them with
 * {@code for (int p = 0; p < n; p = pieceEnd(text, p, n))}.
 *
 * <p>Implementations are stateless and safe to share between threads.
 */
public interface PreTokenizer {

  /**
   * The end (exclusive) of the pre-token that starts at {@code start}. {@code limit} is treated as
   * the end of the text, so look-aheads such as {@code \s+(?!\S)} see nothing past it.
   *
   * @param text the text
   * @param start where the piece starts, {@code 0 <= start < limit}
   * @param limit the end of the text to split, {@code limit <= text.length()}
   * @return the piece's end, {@code start < end <= limit}
   */
  int pieceEnd(String text, int start, int limit);

  /** The pattern this pre-tokenizer implements, in the form it was published. */
  String pattern();
}
