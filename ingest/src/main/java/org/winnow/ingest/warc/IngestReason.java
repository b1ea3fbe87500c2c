package org.winnow.ingest.warc;

import org.winnow.core.ledger.Fate;

/**
 * Every reason the ingest stage drops a record for, with its fate. The code is the ledger key and
 * the {@code reason} column of the side datasets, so it never changes once written.
 *
 * <p>REMOVED means a well-formed capture that is not a text document we want (an error page, a
 * duplicate capture, a page without text); REJECTED means input we cannot or will not decode
 * (malformed, corrupt, too large, a format we do not read).
 */
public enum IngestReason {
  HTTP_STATUS("http_status", Fate.REMOVED,
      "HTTP status outside 2xx: redirects, client and server errors carry no page text"),
  REVISIT("revisit", Fate.REMOVED,
      "revisit record: a repeat capture that refers to an earlier record and has no payload"),
  EMPTY_PAGE("empty_page", Fate.REMOVED, "the payload has no bytes (or no characters)"),
  NO_MAIN_TEXT("no_main_text", Fate.REMOVED, "main-text extraction found no text"),
  UNSUPPORTED_CONTENT_TYPE("unsupported_content_type", Fate.REJECTED,
      "content type outside the allowlist (text/html, application/xhtml+xml, text/plain)"),
  UNSUPPORTED_CONTENT_ENCODING("unsupported_content_encoding", Fate.REJECTED,
      "Content-Encoding other than gzip, deflate, br or identity"),
  BAD_CONTENT_ENCODING("bad_content_encoding", Fate.REJECTED,
      "the compressed payload does not decompress (corrupt gzip, deflate or brotli data)"),
  DECOMPRESSION_LIMIT("decompression_limit", Fate.REJECTED,
      "the payload decompresses to more than maxRecordBytes (a compression bomb)"),
  TOO_LARGE("too_large", Fate.REJECTED, "the payload as stored is larger than maxRecordBytes"),
  BINARY_CONTENT("binary_content", Fate.REJECTED,
      "a text content type, but the bytes are binary (file signature or control bytes)"),
  MALFORMED_HTTP("malformed_http", Fate.REJECTED,
      "the HTTP status line or headers do not parse"),
  MALFORMED_RECORD("malformed_record", Fate.REJECTED,
      "a WARC header of the record is missing or invalid (WARC-Target-URI, WARC-Date)"),
  INVALID_URL("invalid_url", Fate.REJECTED, "the target URI has no host to take a domain from"),
  SEGMENTED_RECORD("segmented_record", Fate.REJECTED,
      "the payload is split over continuation records, which are not reassembled"),
  EXTRACT_TIMEOUT("extract_timeout", Fate.REJECTED,
      "main-text extraction exceeded its time budget"),
  EXTRACT_ERROR("extract_error", Fate.REJECTED,
      "main-text extraction failed on the page (e.g. nesting too deep for the parser)"),
  TRUNCATED_WARC("truncated_warc", Fate.REJECTED,
      "the file ends inside a record or gzip member; reading stops there"),
  MALFORMED_WARC("malformed_warc", Fate.REJECTED,
      "a WARC record header or gzip member does not parse; reading stops there"),
  WARC_READ_ERROR("warc_read_error", Fate.REJECTED,
      "the underlying stream failed while reading; reading stops there"),
  INTERNAL_ERROR("internal_error", Fate.REJECTED,
      "an unexpected exception while converting the record: a bug, kept with its location");

  private final String code;
  private final Fate fate;
  private final String meaning;

  IngestReason(String code, Fate fate, String meaning) {
    this.code = code;
    this.fate = fate;
    this.meaning = meaning;
  }

  /** The lower snake case ledger key. */
  public String code() {
    return code;
  }

  public Fate fate() {
    return fate;
  }

  /** One line for people reading a ledger. */
  public String meaning() {
    return meaning;
  }

  /** Whether an outcome with this reason is the last one of its stream. */
  public boolean endsStream() {
    return this == TRUNCATED_WARC || this == MALFORMED_WARC || this == WARC_READ_ERROR;
  }
}
