package org.winnow.loader.shard;

/** Page bytes that do not decode; the caller adds the file and row group. */
final class CorruptPageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CorruptPageException(String message) {
    super(message);
  }
}
