package org.winnow.tokenizer.pretokenize;

/** Receives the pre-tokens of a text, in order, as byte ranges of its UTF-8. */
@FunctionalInterface
public interface PieceSink {

  /** The piece {@code utf8[start, end)}, never empty. */
  void piece(byte[] utf8, int start, int end);
}
