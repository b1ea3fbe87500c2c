package org.winnow.ingest.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A host's robots.txt as the crawler reads it, from the fetch of {@code /robots.txt} by
 * crawler-commons' {@link SimpleRobotRulesParser}: a 2xx is parsed for our agent name; a 4xx
 * allows everything; a 5xx or a network failure defers the host (its URLs wait for a later round).
 *
 * @param rules    the parsed rules
 * @param status   the HTTP status of the robots.txt fetch (0 when it failed)
 * @param refusal  the failed fetch, when the host may not be fetched at all (a refused address)
 */
public record RobotsPolicy(BaseRobotRules rules, int status, Optional<FetchResult> refusal) {

  static RobotsPolicy from(FetchResult fetched, String agent) {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    if (fetched.failure().isPresent() || fetched.status() == 0) {
      // A refused address is no server trouble: the host is not to be visited at all.
      Optional<FetchResult> refusal = fetched.failure()
          .filter(r -> r == CrawlReason.PRIVATE_ADDRESS || r == CrawlReason.BAD_URL)
          .map(r -> fetched);
      // A failed fetch reads as a server error: visits are deferred.
      return new RobotsPolicy(parser.failedFetch(503), 0, refusal);
    }
    int status = fetched.status();
    if (status >= 200 && status < 300) {
      String type = fetched.header("Content-Type").orElse("text/plain");
      return new RobotsPolicy(
          parser.parseContent(fetched.url(), fetched.decoded(), type, List.of(agent)), status,
          Optional.empty());
    }
    return new RobotsPolicy(parser.failedFetch(status), status, Optional.empty());
  }

  public boolean allowed(String url) {
    return rules.isAllowed(url);
  }

  /** Whether the host must not be visited now (robots.txt answered 5xx or not at all). */
  public boolean deferred() {
    return rules.isDeferVisits();
  }

  /** The Crawl-delay asked for, zero when none. */
  public Duration crawlDelay() {
    long ms = rules.getCrawlDelay();
    return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms < 0 ? Duration.ZERO : Duration.ofMillis(ms);
  }

  public List<String> sitemaps() {
    return rules.getSitemaps();
  }
}
