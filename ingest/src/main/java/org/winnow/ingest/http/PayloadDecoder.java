package org.winnow.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.winnow.ingest.warc.IngestReason;
import org.winnow.ingest.warc.RecordDropException;

/**
 * Undoes an HTTP payload's content codings under a size limit: a compression bomb stops at
 * {@code limit + 1} decoded bytes instead of filling the heap.
 */
public final class PayloadDecoder {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int DEFLATE_METHOD = 8;

  private PayloadDecoder() {}

  /**
   * Decodes {@code raw} from {@code codings} (in the order they were applied).
   *
   * @return the decoded bytes; {@code endedEarly} when a compressed stream was cut short but
   *     yielded something
   * @throws RecordDropException {@code unsupported_content_encoding}, {@code bad_content_encoding}
   *     or {@code decompression_limit}
   */
  public static BoundedRead decode(byte[] raw, List<String> codings, long limit)
      throws RecordDropException {
    if (codings.isEmpty()) {
      return new BoundedRead(raw, raw.length > limit, false);
    }
    for (String coding : codings) {
      if (!ContentEncodings.supported(coding)) {
        throw new RecordDropException(
            IngestReason.UNSUPPORTED_CONTENT_ENCODING, "Content-Encoding: " + String.join(", ", codings));
      }
    }
    BoundedRead decoded;
    try (InputStream in = chain(raw, codings)) {
      decoded = BoundedRead.of(in, limit);
    } catch (IOException | RuntimeException e) {
      // RuntimeException: the brotli decoder reports some corrupt inputs unchecked.
      throw new RecordDropException(
          IngestReason.BAD_CONTENT_ENCODING,
          String.join(", ", codings) + " payload of " + raw.length + " bytes does not decode: " + e);
    }
    if (decoded.overLimit()) {
      throw new RecordDropException(
          IngestReason.DECOMPRESSION_LIMIT,
          String.join(", ", codings) + " payload of " + raw.length
              + " bytes decodes to more than " + limit + " bytes");
    }
    if (decoded.endedEarly() && decoded.bytes().length == 0) {
      throw new RecordDropException(
          IngestReason.BAD_CONTENT_ENCODING,
          String.join(", ", codings) + " payload of " + raw.length + " bytes ends before any data");
    }
    return decoded;
  }

  /** Whether bytes start like a gzip member (magic and the deflate method). */
  public static boolean looksGzipped(byte[] bytes) {
    return bytes.length >= 10
        && (bytes[0] & 0xff) == GZIP_MAGIC_1
        && (bytes[1] & 0xff) == GZIP_MAGIC_2
        && bytes[2] == DEFLATE_METHOD;
  }

  private static InputStream chain(byte[] raw, List<String> codings) throws IOException {
    InputStream in = new ByteArrayInputStream(raw);
    for (int i = codings.size() - 1; i >= 0; i--) {
      in = ContentEncodings.decoding(in, codings.get(i));
    }
    return in;
  }
}
