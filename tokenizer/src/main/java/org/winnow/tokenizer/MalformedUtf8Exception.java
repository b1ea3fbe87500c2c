package org.winnow.tokenizer;

/** Bytes handed to the encoder as UTF-8 that are not; nothing was encoded. */
public final class MalformedUtf8Exception extends IllegalArgumentException {

  private final int offset;
  private final int length;

  MalformedUtf8Exception(int offset, int length) {
    super("invalid UTF-8 at byte offset " + offset + " of " + length);
    this.offset = offset;
    this.length = length;
  }

  /** Where the first malformed sequence starts, counted from the start of the text. */
  public int offset() {
    return offset;
  }

  /** The length of the text in bytes. */
  public int length() {
    return length;
  }
}
