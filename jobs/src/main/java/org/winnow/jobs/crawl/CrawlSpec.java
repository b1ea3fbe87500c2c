package org.winnow.jobs.crawl;

import java.util.List;
import org.winnow.ingest.crawl.CrawlConfig;
import org.winnow.ingest.crawl.CrawlScope;

/**
 * What {@code winnow crawl} was asked to do.
 *
 * @param seeds       start URLs (normalised before use; unusable ones are reported)
 * @param output      the crawl directory (Hadoop URI or local path); rerunning continues it
 * @param maxPages    pages fetched over the whole crawl at most
 * @param maxDepth    links followed from a seed at most
 * @param rounds      rounds in the whole crawl at most (a rerun goes on to this number)
 * @param scope       which URLs may be fetched
 * @param config      fetching, politeness and trap settings
 * @param hostThreads hosts one task crawls at once
 * @param warcMaxBytes size after which a task starts its next WARC file (a URL's records are
 *     never split across two files, so a file can pass this by one URL's records)
 */
public record CrawlSpec(List<String> seeds, String output, long maxPages, int maxDepth,
    int rounds, CrawlScope scope, CrawlConfig config, int hostThreads, long warcMaxBytes) {
  /** The usual size at which crawlers roll their WARC files (Heritrix's and Common Crawl's). */
  public static final long DEFAULT_WARC_MAX_BYTES = 1L << 30;

  public CrawlSpec {
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no seed URL given");
    }
    if (maxPages <= 0 || maxDepth < 0 || rounds <= 0 || hostThreads <= 0 || warcMaxBytes <= 0) {
      throw new IllegalArgumentException("max pages, rounds, host threads and the WARC size must "
          + "be > 0 and max depth >= 0, got " + maxPages + ", " + rounds + ", " + hostThreads + ", "
          + warcMaxBytes + ", " + maxDepth);
    }
  }

  /** A same-domain crawl of {@code seeds} with default settings. */
  public static CrawlSpec of(List<String> seeds, String output, CrawlConfig config) {
    return new CrawlSpec(seeds, output, 1_000_000L, 10, 10, CrawlScope.sameDomainAs(seeds), config,
        16, DEFAULT_WARC_MAX_BYTES);
  }

  public CrawlSpec withLimits(long pages, int depth, int maxRounds) {
    return new CrawlSpec(seeds, output, pages, depth, maxRounds, scope, config, hostThreads,
        warcMaxBytes);
  }

  public CrawlSpec withWarcMaxBytes(long bytes) {
    return new CrawlSpec(seeds, output, maxPages, maxDepth, rounds, scope, config, hostThreads,
        bytes);
  }
}
