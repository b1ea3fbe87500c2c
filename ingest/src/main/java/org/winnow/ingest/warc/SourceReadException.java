package org.winnow.ingest.warc;

import java.io.IOException;

/** The stream under a WARC file failed (as opposed to its content being malformed or cut). */
final class SourceReadException extends IOException {
  private static final long serialVersionUID = 1L;

  SourceReadException(long position, IOException cause) {
    super("reading the input failed after " + position + " bytes: " + cause.getMessage(), cause);
  }
}
