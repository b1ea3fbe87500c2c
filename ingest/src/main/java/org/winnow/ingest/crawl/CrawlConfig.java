package org.winnow.ingest.crawl;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the crawler fetches: identity, timeouts, size limits, politeness and retries. Defaults
 * (in {@link #defaults()}) are those of a polite public crawler; tests and intranet crawls
 * change single values through the {@code with...} methods.
 *
 * @param userAgent       the User-Agent header sent with every request
 * @param robotsName      the name robots.txt groups are matched against
 * @param connectTimeout  TCP connect timeout
 * @param readTimeout     socket timeout between two reads
 * @param maxBodyBytes    largest body accepted as transferred; larger ones are {@code too_large}
 * @param maxDecodedBytes largest body accepted after Content-Encoding (gzip bombs stop here)
 * @param contentTypes    media types fetched; others are {@code content_type}
 * @param minDelay        least time between two requests to one host
 * @param maxCrawlDelay   a robots.txt Crawl-delay above this is capped to it
 * @param maxRedirects    redirect hops followed, each checked against robots and scope
 * @param maxRetries      extra tries of a request that failed with a transient error
 * @param retryBackoff    wait before the first retry, doubled for each further one
 * @param hostFailureBudget failures (errors, timeouts, 5xx) after which a host is given up
 * @param allowPrivate    whether private, loopback and link-local addresses may be fetched
 * @param followNofollow  whether links marked {@code rel=nofollow} are followed
 * @param traps           the URL rules against crawler traps
 */
public record CrawlConfig(
    String userAgent,
    String robotsName,
    Duration connectTimeout,
    Duration readTimeout,
    long maxBodyBytes,
    long maxDecodedBytes,
    List<String> contentTypes,
    Duration minDelay,
    Duration maxCrawlDelay,
    int maxRedirects,
    int maxRetries,
    Duration retryBackoff,
    int hostFailureBudget,
    boolean allowPrivate,
    boolean followNofollow,
    TrapRules traps) implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long MIB = 1024L * 1024L;

  public CrawlConfig {
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(robotsName, "robotsName");
    contentTypes = List.copyOf(contentTypes);
    Objects.requireNonNull(traps, "traps");
    if (maxBodyBytes <= 0 || maxDecodedBytes <= 0) {
      throw new IllegalArgumentException("body limits must be > 0, got " + maxBodyBytes + " and "
          + maxDecodedBytes);
    }
    if (maxRedirects < 0 || maxRetries < 0 || hostFailureBudget <= 0) {
      throw new IllegalArgumentException("maxRedirects and maxRetries must be >= 0 and "
          + "hostFailureBudget > 0, got " + maxRedirects + ", " + maxRetries + ", "
          + hostFailureBudget);
    }
    if (minDelay.isNegative() || maxCrawlDelay.isNegative()) {
      throw new IllegalArgumentException("delays must be >= 0, got " + minDelay + " and "
          + maxCrawlDelay);
    }
  }

  public static CrawlConfig defaults() {
    return new CrawlConfig(
        "winnow-crawler/0.1 (+https://github.com/winnow/winnow)", "winnow-crawler",
        Duration.ofSeconds(10), Duration.ofSeconds(30), 10 * MIB, 20 * MIB,
        List.of("text/html", "application/xhtml+xml", "text/plain"),
        Duration.ofSeconds(1), Duration.ofSeconds(30), 5, 2, Duration.ofSeconds(2), 10,
        false, false, TrapRules.defaults());
  }

  public CrawlConfig withAllowPrivate(boolean allow) {
    return new CrawlConfig(userAgent, robotsName, connectTimeout, readTimeout, maxBodyBytes,
        maxDecodedBytes, contentTypes, minDelay, maxCrawlDelay, maxRedirects, maxRetries,
        retryBackoff, hostFailureBudget, allow, followNofollow, traps);
  }

  public CrawlConfig withMinDelay(Duration delay) {
    return new CrawlConfig(userAgent, robotsName, connectTimeout, readTimeout, maxBodyBytes,
        maxDecodedBytes, contentTypes, delay, maxCrawlDelay, maxRedirects, maxRetries,
        retryBackoff, hostFailureBudget, allowPrivate, followNofollow, traps);
  }

  /** Also caps robots.txt's Crawl-delay at {@code maxCrawl}: zero turns politeness off. */
  public CrawlConfig withDelays(Duration min, Duration maxCrawl) {
    return new CrawlConfig(userAgent, robotsName, connectTimeout, readTimeout, maxBodyBytes,
        maxDecodedBytes, contentTypes, min, maxCrawl, maxRedirects, maxRetries,
        retryBackoff, hostFailureBudget, allowPrivate, followNofollow, traps);
  }

  public CrawlConfig withTimeouts(Duration connect, Duration read) {
    return new CrawlConfig(userAgent, robotsName, connect, read, maxBodyBytes,
        maxDecodedBytes, contentTypes, minDelay, maxCrawlDelay, maxRedirects, maxRetries,
        retryBackoff, hostFailureBudget, allowPrivate, followNofollow, traps);
  }

  public CrawlConfig withRetries(int retries, Duration backoff) {
    return new CrawlConfig(userAgent, robotsName, connectTimeout, readTimeout, maxBodyBytes,
        maxDecodedBytes, contentTypes, minDelay, maxCrawlDelay, maxRedirects, retries,
        backoff, hostFailureBudget, allowPrivate, followNofollow, traps);
  }

  public CrawlConfig withTraps(TrapRules rules) {
    return new CrawlConfig(userAgent, robotsName, connectTimeout, readTimeout, maxBodyBytes,
        maxDecodedBytes, contentTypes, minDelay, maxCrawlDelay, maxRedirects, maxRetries,
        retryBackoff, hostFailureBudget, allowPrivate, followNofollow, rules);
  }

  /** The delay between two requests to a host whose robots.txt asks for {@code crawlDelay}. */
  public Duration hostDelay(Duration crawlDelay) {
    Duration capped = crawlDelay.compareTo(maxCrawlDelay) > 0 ? maxCrawlDelay : crawlDelay;
    return capped.compareTo(minDelay) > 0 ? capped : minDelay;
  }
}
