package org.winnow.ingest.warc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.winnow.ingest.http.BoundedRead;
import org.winnow.ingest.http.ContentEncodings;
import org.winnow.ingest.http.ContentType;
import org.winnow.ingest.http.HtmlSniffer;
import org.winnow.ingest.http.PageKind;
import org.winnow.ingest.http.PayloadDecoder;

/**
 * Reads the payload of a candidate record under the size limit: for an HTTP response, the
 * message body after the status and content-type checks, de-chunked and decompressed; for a
 * resource, a conversion or a non-HTTP response, the record block itself.
 */
final class PayloadReader {
  /** Browsers and servers refuse headers of a few hundred KB; this is far beyond any real one. */
  static final int MAX_HTTP_HEADER_BYTES = 1 << 20;

  private final long maxBytes;

  PayloadReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The payload of an {@code application/http} response record. */
  Payload http(WarcTargetRecord record, Capture capture, RecordBodyChannel block)
      throws RecordDropException, WarcBodyException {
    HttpResponse http = parse(block, capture);
    if (http.status() < 200 || http.status() > 299) {
      throw new RecordDropException(
          IngestReason.HTTP_STATUS, capture.location() + ": HTTP status " + http.status());
    }
    MessageHeaders headers = http.headers();
    Optional<ContentType> type =
        lastContentType(headers)
            .or(() -> record.headers().first("WARC-Identified-Payload-Type").map(ContentType::parse))
            .filter(t -> !t.base().isEmpty());
    checkAllowed(type, capture);
    List<String> codings = ContentEncodings.codings(headers.all("Content-Encoding"));
    for (String coding : codings) {
      if (!ContentEncodings.supported(coding)) {
        throw new RecordDropException(
            IngestReason.UNSUPPORTED_CONTENT_ENCODING,
            capture.location() + ": Content-Encoding " + String.join(", ", codings));
      }
    }
    BoundedRead raw;
    try (InputStream in = http.body().stream()) {
      raw = BoundedRead.of(in, maxBytes);
    } catch (IOException | RuntimeException e) {
      throw httpFailure(e, capture, "HTTP body does not decode");
    }
    EnumSet<IngestModification> mods = EnumSet.noneOf(IngestModification.class);
    byte[] stored = checkSize(raw, capture, record, mods);
    BoundedRead decoded = decode(stored, codings, capture);
    if (decoded.endedEarly()) {
      mods.add(IngestModification.TRUNCATED_PAYLOAD);
    }
    byte[] bytes = decoded.bytes();
    if (codings.isEmpty() && PayloadDecoder.looksGzipped(bytes)) {
      BoundedRead gunzipped = decode(bytes, List.of("gzip"), capture);
      mods.add(IngestModification.UNDECLARED_GZIP);
      if (gunzipped.endedEarly()) {
        mods.add(IngestModification.TRUNCATED_PAYLOAD);
      }
      bytes = gunzipped.bytes();
    }
    if (bytes.length == 0) {
      throw new RecordDropException(
          IngestReason.EMPTY_PAGE, capture.location() + ": payload decodes to no bytes");
    }
    PageKind kind = kind(type, bytes, capture);
    return new Payload(
        bytes, type.flatMap(ContentType::charset), kind, capture.id(stored), mods);
  }

  /** The payload of a record whose block is the payload (resource, conversion, non-HTTP). */
  Payload block(WarcTargetRecord record, Capture capture, RecordBodyChannel block)
      throws RecordDropException, WarcBodyException {
    Optional<ContentType> type =
        record.headers().first("Content-Type").map(ContentType::parse)
            .filter(t -> !t.base().isEmpty());
    checkAllowed(type, capture);
    BoundedRead raw;
    try (InputStream in = Channels.newInputStream(block)) {
      raw = BoundedRead.of(in, maxBytes);
    } catch (WarcBodyException e) {
      throw e;
    } catch (IOException e) {
      throw new WarcBodyException("record block unreadable: " + e, e);
    }
    EnumSet<IngestModification> mods = EnumSet.noneOf(IngestModification.class);
    byte[] bytes = checkSize(raw, capture, record, mods);
    PageKind kind = kind(type, bytes, capture);
    return new Payload(bytes, type.flatMap(ContentType::charset), kind, capture.id(bytes), mods);
  }

  private static HttpResponse parse(RecordBodyChannel block, Capture capture)
      throws RecordDropException, WarcBodyException {
    block.limit(MAX_HTTP_HEADER_BYTES);
    try {
      return HttpResponse.parse(block.asMessageBody());
    } catch (IOException | RuntimeException e) {
      throw httpFailure(e, capture, "HTTP header does not parse");
    } finally {
      block.unlimit();
    }
  }

  /** A failure of the WARC stream stays one; anything else is the HTTP message's fault. */
  private static RecordDropException httpFailure(Exception e, Capture capture, String what)
      throws WarcBodyException {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof WarcBodyException w) {
        throw w;
      }
    }
    String message = String.valueOf(e.getMessage());
    if (message.length() > 200) {
      message = message.substring(0, 200) + "...";
    }
    return new RecordDropException(
        IngestReason.MALFORMED_HTTP,
        capture.location() + ": " + what + ": " + e.getClass().getSimpleName() + ": " + message);
  }

  private static Optional<ContentType> lastContentType(MessageHeaders headers) {
    List<String> values = headers.all("Content-Type");
    for (int i = values.size() - 1; i >= 0; i--) {
      ContentType t = ContentType.parse(values.get(i));
      if (!t.base().isEmpty()) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static void checkAllowed(Optional<ContentType> type, Capture capture)
      throws RecordDropException {
    if (type.isPresent() && PageKind.of(type.get().base()).isEmpty()) {
      throw new RecordDropException(
          IngestReason.UNSUPPORTED_CONTENT_TYPE,
          capture.location() + ": content type " + type.get().base());
    }
  }

  private static PageKind kind(Optional<ContentType> type, byte[] bytes, Capture capture)
      throws RecordDropException {
    if (type.isPresent()) {
      return PageKind.of(type.get().base()).orElseThrow();
    }
    if (HtmlSniffer.looksLikeHtml(bytes)) {
      return PageKind.HTML;
    }
    throw new RecordDropException(
        IngestReason.UNSUPPORTED_CONTENT_TYPE,
        capture.location() + ": no content type, and the payload does not look like HTML");
  }

  private byte[] checkSize(
      BoundedRead raw, Capture capture, WarcRecord record, EnumSet<IngestModification> mods)
      throws RecordDropException {
    if (raw.overLimit()) {
      throw new RecordDropException(
          IngestReason.TOO_LARGE,
          capture.location() + ": payload larger than maxRecordBytes " + maxBytes);
    }
    if (raw.bytes().length == 0) {
      throw new RecordDropException(
          IngestReason.EMPTY_PAGE, capture.location() + ": payload has no bytes");
    }
    if (raw.endedEarly() || record.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
      mods.add(IngestModification.TRUNCATED_PAYLOAD);
    }
    return raw.bytes();
  }

  private BoundedRead decode(byte[] bytes, List<String> codings, Capture capture)
      throws RecordDropException {
    try {
      return PayloadDecoder.decode(bytes, codings, maxBytes);
    } catch (RecordDropException e) {
      throw new RecordDropException(e.reason(), capture.location() + ": " + e.detail());
    }
  }
}
