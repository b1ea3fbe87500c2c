package org.winnow.ingest.crawl;

import java.io.IOException;

/** Where a host's archived responses go: one WARC file per task and round. */
public interface WarcSink {
  /** The file name responses are written to, recorded as lineage. */
  String fileName();

  /** Appends {@code r}'s records and makes them durable; returns the response record's offset. */
  long write(FetchResult r) throws IOException;
}
