package org.winnow.ingest.crawl;

import java.util.Locale;

/**
 * Why a URL was not fetched, or why its fetch gave no page: the reasons of the crawl log. Each
 * has a stable lower-case label that the crawl log dataset stores.
 */
public enum CrawlReason {
  /** robots.txt disallows the URL (or a redirect hop to it). */
  ROBOTS,
  /** robots.txt could not be fetched (5xx or a network error): the host is deferred. */
  ROBOTS_UNAVAILABLE,
  /** Outside the crawl's scope (registered domain, allow/deny rules, scheme). */
  SCOPE,
  /** Found deeper than the crawl's depth limit. */
  DEPTH,
  /** A crawler trap: URL too long, path too deep, repeated segments, too many similar pages. */
  TRAP,
  /** The body, or what it decompresses to, is over the limit (a 20 MB page, a gzip bomb). */
  TOO_LARGE,
  /** A content type outside the allowlist (images, PDFs, archives). */
  CONTENT_TYPE,
  /** The server did not answer within the timeouts, retries included. */
  TIMEOUT,
  /** A network or protocol error, retries included. */
  ERROR,
  /** The server answered 4xx or 5xx; the response is still archived. */
  HTTP_ERROR,
  /** More than the allowed number of redirect hops, or a redirect loop. */
  REDIRECT_LIMIT,
  /** A redirect to another host: the target joins the frontier, to be fetched by its own task. */
  REDIRECTED,
  /** The address is private, loopback, link-local or multicast and private addresses are refused. */
  PRIVATE_ADDRESS,
  /** The host used up its failure budget, or its page budget, for the crawl. */
  HOST_BUDGET,
  /** Not a URL the crawler can fetch (no host, not http or https, does not parse). */
  BAD_URL;

  /** The label stored in the crawl log, e.g. {@code too_large}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CrawlReason ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
