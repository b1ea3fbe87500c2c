package org.winnow.ingest;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.winnow.ingest.lang.LanguageIdentifier;

/**
 * Settings of the ingest stage. Serializable so that a Spark job ships it to its tasks.
 *
 * @param source          dataset name written to every document's {@code source} column
 * @param maxRecordBytes  largest payload accepted, both as stored and after content decoding: a
 *                        larger stored payload is {@code too_large}, a larger decoded one
 *                        {@code decompression_limit}; never more than this is held in memory
 * @param extractTimeout  time budget of one page's main-text extraction
 * @param languages       ISO 639-1 codes Lingua chooses among, at least two; empty means all it
 *                        knows
 * @param langDetectChars how many characters of the text language identification reads
 */
public record IngestConfig(
    String source,
    long maxRecordBytes,
    Duration extractTimeout,
    List<String> languages,
    int langDetectChars)
    implements Serializable {

  public static final long DEFAULT_MAX_RECORD_BYTES = 10L * 1024 * 1024;

  public IngestConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(extractTimeout, "extractTimeout");
    languages = List.copyOf(languages);
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be > 0, got " + maxRecordBytes);
    }
    if (extractTimeout.isNegative() || extractTimeout.isZero()) {
      throw new IllegalArgumentException("extractTimeout must be > 0, got " + extractTimeout);
    }
    if (langDetectChars <= 0) {
      throw new IllegalArgumentException("langDetectChars must be > 0, got " + langDetectChars);
    }
    LanguageIdentifier.checkCodes(languages);
  }

  public static IngestConfig defaults(String source) {
    return new IngestConfig(source, DEFAULT_MAX_RECORD_BYTES, Duration.ofSeconds(2), List.of(), 2000);
  }

  /** A copy choosing among {@code isoCodes} only (ISO 639-1, at least two). */
  public IngestConfig withLanguages(List<String> isoCodes) {
    return new IngestConfig(source, maxRecordBytes, extractTimeout, isoCodes, langDetectChars);
  }

  /** A copy with another payload limit. */
  public IngestConfig withMaxRecordBytes(long bytes) {
    return new IngestConfig(source, bytes, extractTimeout, languages, langDetectChars);
  }

  /** A copy with another extraction time budget. */
  public IngestConfig withExtractTimeout(Duration timeout) {
    return new IngestConfig(source, maxRecordBytes, timeout, languages, langDetectChars);
  }
}
