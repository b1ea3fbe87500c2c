package org.winnow.loader.shard;

/** A token list that holds a null element; the caller adds file and row group. */
final class NullTokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int row;

  NullTokenException(int row) {
    super("row " + row + " holds a null token");
    this.row = row;
  }

  int row() {
    return row;
  }
}
