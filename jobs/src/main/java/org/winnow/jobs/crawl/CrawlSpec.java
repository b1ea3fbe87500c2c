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
 */
public record CrawlSpec(List<String> seeds, String output, long maxPages, int maxDepth,
    int rounds, CrawlScope scope, CrawlConfig config, int hostThreads) {

  public CrawlSpec {
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no seed URL given");
    }
    if (maxPages <= 0 || maxDepth < 0 || rounds <= 0 || hostThreads <= 0) {
      throw new IllegalArgumentException("max pages, rounds and host threads must be > 0 and max "
          + "depth >= 0, got " + maxPages + ", " + rounds + ", " + hostThreads + ", " + maxDepth);
    }
  }

  /** A same-domain crawl of {@code seeds} with default settings. */
  public static CrawlSpec of(List<String> seeds, String output, CrawlConfig config) {
    return new CrawlSpec(seeds, output, 1_000_000L, 10, 10, CrawlScope.sameDomainAs(seeds), config,
        16);
  }

  public CrawlSpec withLimits(long pages, int depth, int maxRounds) {
    return new CrawlSpec(seeds, output, pages, depth, maxRounds, scope, config, hostThreads);
  }
}
