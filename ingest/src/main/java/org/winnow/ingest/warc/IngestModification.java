package org.winnow.ingest.warc;

/**
 * Tolerated oddities of a kept document, recorded in {@code Outcome.Kept#modifications()} so the
 * ledger counts them under {@code modified}.
 */
public enum IngestModification {
  /** Byte sequences invalid in the charset used were decoded as U+FFFD. */
  INVALID_BYTES_REPLACED("invalid_bytes_replaced"),
  /** The declared charset (HTTP header or meta tag) did not fit the bytes; a detected one was used. */
  CHARSET_MISMATCH("charset_mismatch"),
  /** The payload is incomplete (WARC-Truncated, or a compressed stream that ends early). */
  TRUNCATED_PAYLOAD("truncated_payload"),
  /** The payload was gzip-compressed without a Content-Encoding saying so, and was decompressed. */
  UNDECLARED_GZIP("undeclared_gzip"),
  /** The HTML was longer than the extractor reads; text in its tail was not extracted. */
  HTML_TRUNCATED("html_truncated");

  private final String code;

  IngestModification(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
