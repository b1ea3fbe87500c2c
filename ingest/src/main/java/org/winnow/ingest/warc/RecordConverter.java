package org.winnow.ingest.warc;

import java.util.Optional;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.IngestConfig;
import org.winnow.ingest.WarcIngester;
import org.winnow.ingest.html.ExtractionConfig;
import org.winnow.ingest.html.MainTextExtractor;
import org.winnow.ingest.http.ContentType;
import org.winnow.ingest.lang.LanguageIdentifier;

/**
 * Turns one WARC record into its outcome: the one place where a record's reasons become
 * {@link Outcome.Dropped} rows. Candidate records are responses, resources, conversions (WET)
 * and revisits; other types (request, metadata, warcinfo, continuation) give no outcome.
 */
public final class RecordConverter {
  private static final String STAGE = WarcIngester.STAGE;

  private final PayloadReader payloads;
  private final PageConverter pages;

  /** Builds the main-text extractor; one converter serves every file an ingester reads. */
  public RecordConverter(
      IngestConfig config, ExtractionConfig extraction, LanguageIdentifier languages) {
    this.payloads = new PayloadReader(config.maxRecordBytes());
    this.pages = new PageConverter(config.source(), new MainTextExtractor(extraction),
        extraction.maxInputChars(), languages);
  }

  /** Whether records of this type produce an outcome. */
  private static boolean isCandidate(WarcRecord record) {
    return record instanceof WarcResponse
        || record instanceof WarcResource
        || record instanceof WarcConversion
        || record instanceof WarcRevisit;
  }

  /**
   * The outcome of {@code record}, or null for a record type that carries no document.
   *
   * @throws WarcBodyException when the WARC stream fails inside the record: the caller ends the
   *     stream with one rejected outcome instead
   */
  Outcome convert(WarcRecord record, String warcFile, long offset, RecordBodyChannel block)
      throws WarcBodyException {
    if (!isCandidate(record)) {
      return null;
    }
    WarcTargetRecord target = (WarcTargetRecord) record;
    Capture capture = null;
    try {
      capture = Capture.of(target, warcFile, offset);
      if (record instanceof WarcRevisit) {
        return new Outcome.Dropped(
            IngestReason.REVISIT.fate(), STAGE, IngestReason.REVISIT.code(),
            capture.location() + ": revisit, profile "
                + record.headers().first("WARC-Profile").orElse("(none)"),
            capture.idIfKnown(), capture.url(), warcFile, offset, "");
      }
      if (record.headers().first("WARC-Segment-Number").isPresent()) {
        throw new RecordDropException(
            IngestReason.SEGMENTED_RECORD,
            capture.location() + ": WARC-Segment-Number "
                + record.headers().first("WARC-Segment-Number").get());
      }
      Payload payload = isHttp(record)
          ? payloads.http(target, capture, block)
          : payloads.block(target, capture, block);
      return pages.convert(capture, payload);
    } catch (RecordDropException e) {
      return dropped(e.reason(), e.detail(), capture, target, warcFile, offset);
    } catch (RuntimeException e) {
      return dropped(
          IngestReason.INTERNAL_ERROR,
          warcFile + ":" + offset + ": unexpected " + e, capture, target, warcFile, offset);
    }
  }

  /** A response whose block is an HTTP message, as its Content-Type says (or omits). */
  private static boolean isHttp(WarcRecord record) {
    if (!(record instanceof WarcResponse)) {
      return false;
    }
    Optional<String> type = record.headers().first("Content-Type");
    return type.isEmpty() || ContentType.parse(type.get()).base().equals("application/http");
  }

  private static Outcome.Dropped dropped(
      IngestReason reason, String detail, Capture capture, WarcTargetRecord record,
      String warcFile, long offset) {
    String url = capture != null ? capture.url()
        : record.headers().first("WARC-Target-URI").orElse("");
    String id = capture != null ? capture.idIfKnown() : "";
    return new Outcome.Dropped(reason.fate(), STAGE, reason.code(), detail, id, url, warcFile,
        offset, "");
  }
}
