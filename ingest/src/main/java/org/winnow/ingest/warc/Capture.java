package org.winnow.ingest.warc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.winnow.core.DocumentId;

/**
 * What every candidate record says about its capture, read from its WARC headers once.
 *
 * @param url           WARC-Target-URI
 * @param fetchTime     WARC-Date
 * @param payloadDigest WARC-Payload-Digest as {@code algorithm:BASE32}, when present
 * @param warcFile      lineage: the file
 * @param offset        lineage: the record's offset in it
 */
record Capture(
    String url, Instant fetchTime, Optional<String> payloadDigest, String warcFile, long offset) {

  static Capture of(WarcTargetRecord record, String warcFile, long offset)
      throws RecordDropException {
    String where = warcFile + ":" + offset;
    String url = record.headers().first("WARC-Target-URI").map(Capture::unbracket).orElse("");
    if (url.isEmpty()) {
      throw new RecordDropException(
          IngestReason.MALFORMED_RECORD, where + ": " + record.type() + " record has no WARC-Target-URI");
    }
    Instant date;
    try {
      date = record.date();
    } catch (RuntimeException e) {
      throw new RecordDropException(
          IngestReason.MALFORMED_RECORD,
          where + ": invalid WARC-Date '" + record.headers().first("WARC-Date").orElse("") + "'");
    }
    return new Capture(url, date, digest(record), warcFile, offset);
  }

  String location() {
    return warcFile + ":" + offset;
  }

  /** The id from the recorded payload digest, or from one computed over {@code payload}. */
  String id(byte[] payload) {
    return DocumentId.of(url, payloadDigest.orElseGet(() -> sha1(payload)));
  }

  /** The id when the record carries a digest, else empty (no payload was read). */
  String idIfKnown() {
    return payloadDigest.map(d -> DocumentId.of(url, d)).orElse("");
  }

  static String sha1(byte[] payload) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-1").digest(payload);
      return "sha1:" + new WarcDigest("sha1", hash).base32();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  /** Written as {@code sha1:BASE32} whatever encoding the record used, so equal digests match. */
  private static Optional<String> digest(WarcTargetRecord record) {
    Optional<String> raw = record.headers().first("WARC-Payload-Digest").map(String::trim);
    if (raw.isEmpty() || raw.get().isEmpty()) {
      return Optional.empty();
    }
    try {
      WarcDigest d = new WarcDigest(raw.get());
      String algorithm = d.algorithm().toLowerCase(Locale.ROOT).replace("-", "");
      return Optional.of(algorithm + ":" + d.base32());
    } catch (RuntimeException e) {
      // An encoding jwarc cannot convert is still a stable digest as written.
      return raw;
    }
  }

  private static String unbracket(String uri) {
    String u = uri.trim();
    if (u.startsWith("<") && u.endsWith(">")) {
      u = u.substring(1, u.length() - 1).trim();
    }
    return u;
  }
}
