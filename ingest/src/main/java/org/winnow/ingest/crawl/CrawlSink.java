package org.winnow.ingest.crawl;

import java.io.IOException;
import java.util.List;

/**
 * Where a host crawl's results go. Each call carries one URL's outcome with the responses to
 * archive for it (redirect hops first, the final response last), so that a sink can make the
 * records and the outcome durable together: a crawl killed between two calls has either both or
 * neither.
 */
public interface CrawlSink {
  /**
   * Archives {@code responses} in order and records {@code outcome}, its WARC file and offset
   * set to those of the last response when there is one.
   */
  void accept(CrawlOutcome outcome, List<FetchResult> responses) throws IOException;
}
