package org.winnow.ingest.warc;

import java.io.IOException;

/**
 * Reading a record's block failed below the HTTP layer: the WARC stream is cut, corrupt, or its
 * source failed. No later record can be read; the stream ends with a rejected outcome.
 */
final class WarcBodyException extends IOException {
  private static final long serialVersionUID = 1L;

  WarcBodyException(String message, Throwable cause) {
    super(message, cause);
  }
}
