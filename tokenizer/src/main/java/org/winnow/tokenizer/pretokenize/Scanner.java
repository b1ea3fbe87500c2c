package org.winnow.tokenizer.pretokenize;

/**
 * A hand-written pre-tokenizer that finds each piece's end from its start, with no state between
 * pieces: the regex is the slow half of a regex-driven encoder.
 */
abstract class Scanner implements PreTokenizer {

  private final String pattern;

  Scanner(String pattern) {
    this.pattern = pattern;
  }

  /**
   * The end (exclusive) of the piece that starts at {@code start}, {@code start < end <= limit};
   * {@code limit} is the end of the text.
   */
  abstract int pieceEnd(byte[] utf8, int start, int limit);

  @Override
  public final void split(byte[] utf8, int from, int to, PieceSink sink) {
    for (int p = from; p < to; ) {
      int end = pieceEnd(utf8, p, to);
      if (end <= p || end > to) {
        // A scanner bug must fail, not loop forever.
        throw new IllegalStateException(getClass().getSimpleName() + " returned piece end " + end
            + " for a piece starting at " + p + " of [" + from + ", " + to + ")");
      }
      sink.piece(utf8, p, end);
      p = end;
    }
  }

  @Override
  public final String pattern() {
    return pattern;
  }
}
