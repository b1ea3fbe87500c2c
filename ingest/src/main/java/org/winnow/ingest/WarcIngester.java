package org.winnow.ingest;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Objects;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.html.ExtractionConfig;
import org.winnow.ingest.lang.LanguageIdentifier;
import org.winnow.ingest.warc.RecordConverter;
import org.winnow.ingest.warc.WarcOutcomes;

/**
 * Turns one WARC or WET stream into one {@link Outcome} per candidate record (response,
 * resource, conversion, revisit): a kept document or a reasoned drop. Records that never carry a
 * document (request, metadata, warcinfo) produce no outcome. A stream cut short ends with one
 * rejected outcome naming the offset where reading stopped.
 *
 * <p>The reasons and their fates are listed in {@link org.winnow.ingest.warc.IngestReason}, the
 * tolerated oddities of kept documents in {@link org.winnow.ingest.warc.IngestModification}.
 * Building an ingester builds its main-text extractor and loads the language models (once per
 * JVM and language set). An ingester is thread-safe: threads may read files through it at once,
 * each with its own iterator.
 */
public final class WarcIngester {
  /** The stage name written to ledgers and side datasets. */
  public static final String STAGE = "ingest";

  private final IngestConfig config;
  private final RecordConverter converter;

  public WarcIngester(IngestConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    ExtractionConfig extraction =
        ExtractionConfig.defaults().withTimeBudget(config.extractTimeout());
    LanguageIdentifier languages =
        new LanguageIdentifier(config.languages(), config.langDetectChars());
    this.converter = new RecordConverter(config, extraction, languages);
  }

  public IngestConfig config() {
    return config;
  }

  /**
   * Lazily reads {@code in}; the iterator owns the stream and closes it when exhausted. The
   * iterator is a {@link WarcOutcomes}, closeable by a caller that stops early.
   *
   * @param warcFile the file name recorded as lineage in every outcome
   * @throws java.io.UncheckedIOException from the iterator, when the stream fails before its
   *     first byte could be read (a later failure becomes a rejected outcome)
   */
  public Iterator<Outcome> read(InputStream in, String warcFile) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(warcFile, "warcFile");
    return new WarcOutcomes(in, warcFile, converter);
  }
}
