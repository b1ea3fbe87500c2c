package org.winnow.ingest.crawl;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happened to one frontier URL in a round, or what a host's sitemaps gave.
 *
 * @param url        the frontier URL (for {@link Kind#SITEMAP}, the first sitemap read)
 * @param kind       the URL's new state
 * @param httpStatus the last status received, 0 when none
 * @param reason     why the URL gave no page; empty for a fetched page
 * @param detail     a readable explanation of the reason
 * @param fetchTime  when the (last) request was sent, or when the URL was judged
 * @param nextFetch  for {@link Kind#RETRY}, when to try again
 * @param attempts   fetches that asked for a retry so far
 * @param warcFile   the WARC file holding the final response, empty when none was archived
 * @param warcOffset that response record's offset, -1 when none
 * @param links      URLs found: outlinks, sitemap URLs, or a redirect target on another host
 * @param fetched    other URLs of this host fetched on the way (same-host redirect hops)
 * @param depth      the URL's depth
 */
public record CrawlOutcome(
    String url,
    Kind kind,
    int httpStatus,
    Optional<CrawlReason> reason,
    String detail,
    Instant fetchTime,
    Instant nextFetch,
    int attempts,
    String warcFile,
    long warcOffset,
    List<String> links,
    List<String> fetched,
    int depth) {

  /** The state a URL is left in. */
  public enum Kind {
    /** A response was archived (2xx, or a 3xx/4xx/5xx that ends the URL's story). */
    FETCHED,
    /** Given up: the reason says why. */
    FAILED,
    /** To be tried again at {@code nextFetch}. */
    RETRY,
    /** Not a frontier URL: the URLs a host's sitemaps list. */
    SITEMAP
  }

  public CrawlOutcome {
    links = List.copyOf(links);
    fetched = List.copyOf(fetched);
  }

  /** This outcome with its final response archived at {@code offset} of {@code file}. */
  public CrawlOutcome archivedAt(String file, long offset) {
    return new CrawlOutcome(url, kind, httpStatus, reason, detail, fetchTime, nextFetch, attempts,
        file, offset, links, fetched, depth);
  }
}
