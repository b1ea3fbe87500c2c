package org.winnow.tokenizer.pretokenize;

/**
 * Splits UTF-8 text into pre-tokens, the pieces BPE merges within, as a pre-tokenisation pattern
 * would: pieces are contiguous, cover the text and start and end on code point boundaries.
 * Working on the bytes lets text stored as UTF-8 (a Parquet column, a file) be encoded without
 * decoding it into a Java string first, and hands BPE its pieces as the bytes it merges.
 *
 * <p>Implementations are stateless and safe to share between threads.
 */
public interface PreTokenizer {

  /**
   * Hands every piece of {@code utf8[from, to)} to {@code sink}, in order. {@code to} is treated
   * as the end of the text, so look-aheads such as {@code \s+(?!\S)} see nothing past it.
   *
   * @param utf8 valid UTF-8 (lone surrogates of a Java string encoded as {@code '?'}, as
   *     {@code String.getBytes(UTF_8)} does); invalid bytes give unspecified splits
   */
  void split(byte[] utf8, int from, int to, PieceSink sink);

  /** The pattern this pre-tokenizer implements, in the form it was published. */
  String pattern();
}
