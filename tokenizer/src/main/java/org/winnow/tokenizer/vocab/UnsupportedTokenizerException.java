package org.winnow.tokenizer.vocab;

/**
 * A well-formed tokenizer file that asks for something this byte-level BPE encoder does not do
 * (another model type, a normalizer, dropout, a prefix space...). Refusing beats encoding it
 * differently from the library that wrote it.
 */
public final class UnsupportedTokenizerException extends VocabFormatException {

  private static final long serialVersionUID = 1L;

  /** {@code what} at the JSON location {@code where} of {@code source} is unsupported. */
  public UnsupportedTokenizerException(String source, String where, String what) {
    super(source, where, "unsupported: " + what);
  }
}
