package org.winnow.tokenizer.vocab;

import java.io.IOException;

/**
 * A vocabulary file that cannot be read as what it claims to be. The message starts with where:
 * {@code file:line} for line-based formats, {@code file} and a JSON path for {@code tokenizer.json}.
 */
public class VocabFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;

  /** An error at {@code line} (1-based) of {@code source}. */
  public VocabFormatException(String source, long line, String message) {
    super(source + ":" + line + ": " + message);
    this.source = source;
    this.line = line;
  }

  /** An error in {@code source} at the JSON location {@code where}. */
  public VocabFormatException(String source, String where, String message) {
    super(source + ": " + where + ": " + message);
    this.source = source;
    this.line = -1;
  }

  /** The file or resource that failed. */
  public String source() {
    return source;
  }

  /** The 1-based line, or -1 where the format has no lines to speak of. */
  public long line() {
    return line;
  }
}
