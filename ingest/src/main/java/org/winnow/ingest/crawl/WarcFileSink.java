package org.winnow.ingest.crawl;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link CrawlSink} that archives to one {@link CrawlWarcWriter} and passes each outcome, with
 * its WARC offset, on to a consumer. Calls are serialised, so the hosts of one task may share it.
 */
public final class WarcFileSink implements CrawlSink {
  private final CrawlWarcWriter writer;
  private final String fileName;
  private final Consumer<CrawlOutcome> out;

  public WarcFileSink(CrawlWarcWriter writer, String fileName, Consumer<CrawlOutcome> out) {
    this.writer = writer;
    this.fileName = fileName;
    this.out = out;
  }

  @Override
  public synchronized void accept(CrawlOutcome outcome, List<FetchResult> responses)
      throws IOException {
    long offset = -1;
    for (FetchResult r : responses) {
      offset = writer.write(r);
    }
    out.accept(offset < 0 ? outcome : outcome.archivedAt(fileName, offset));
  }
}
