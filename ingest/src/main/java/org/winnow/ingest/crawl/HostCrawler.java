package org.winnow.ingest.crawl;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.winnow.ingest.http.ContentType;

/**
 * Crawls the due URLs of one origin (scheme, host and port), the unit a crawl task owns, so that
 * politeness needs no coordination: requests go one at a time, each at least the host's delay
 * (the larger of the configured minimum and robots.txt's Crawl-delay) after the previous one.
 *
 * <p>robots.txt is read first (from the cache when another round already did), then, on its first
 * reading, the sitemaps it lists and {@code /sitemap.xml}. Each URL is fetched with redirects
 * followed by hand: every hop is checked against scope, trap rules and robots.txt before it is
 * requested; a hop to another origin ends here and hands the target to the frontier. Transient
 * failures are retried with backoff; 429 and 503 with Retry-After put the URL, and the rest of
 * the host's round, back in the frontier for when the server asks; a host that fails too often is
 * given up for the round.
 */
public final class HostCrawler {
  private static final Duration DEFAULT_SLOW_DOWN = Duration.ofSeconds(60);
  private static final int MAX_SITEMAPS = 50;
  private static final int MAX_SITEMAP_URLS = 50_000;
  private static final int MAX_SLOW_DOWN_ATTEMPTS = 5;

  private final CrawlConfig config;
  private final CrawlScope scope;
  private final PageFetcher fetcher;
  private final RobotsCache robotsCache;

  public HostCrawler(CrawlConfig config, CrawlScope scope, PageFetcher fetcher,
      RobotsCache robotsCache) {
    this.config = config;
    this.scope = scope;
    this.fetcher = fetcher;
    this.robotsCache = robotsCache;
  }

  /**
   * Crawls {@code due}, all of origin {@code origin}, in order; hands one outcome per entry
   * (and one for the sitemaps, when read), with the responses to archive, to {@code sink} as soon
   * as it is known.
   */
  public void crawl(String origin, List<FrontierEntry> due, CrawlSink sink)
      throws InterruptedException, IOException {
    HostClock clock = new HostClock(config.minDelay());
    Optional<RobotsPolicy> cached = robotsCache.get(origin);
    RobotsPolicy robots = cached.orElseGet(() -> fetchRobots(origin, clock));
    if (robots.refusal().isPresent()) {
      FetchResult r = robots.refusal().get();
      for (FrontierEntry e : due) {
        sink.accept(failed(e, 0, r.failure().orElseThrow(), r.detail(), List.of()), List.of());
      }
      return;
    }
    if (robots.deferred()) {
      Instant now = Instant.now();
      Instant next = now.plus(config.retryBackoff().multipliedBy(8));
      for (FrontierEntry e : due) {
        boolean giveUp = e.attempts() + 1 > MAX_SLOW_DOWN_ATTEMPTS;
        sink.accept(new CrawlOutcome(e.url(), giveUp ? CrawlOutcome.Kind.FAILED : CrawlOutcome.Kind.RETRY,
            0, Optional.of(CrawlReason.ROBOTS_UNAVAILABLE), "robots.txt could not be read",
            now, next, e.attempts() + 1, "", -1, List.of(), List.of(), e.depth()), List.of());
      }
      return;
    }
    clock.setDelay(config.hostDelay(robots.crawlDelay()));
    if (cached.isEmpty()) {
      robotsCache.put(origin, robots);
      Optional<CrawlOutcome> sitemaps = readSitemaps(origin, robots, clock);
      if (sitemaps.isPresent()) {
        sink.accept(sitemaps.get(), List.of());
      }
    }
    int failures = 0;
    Instant blockedUntil = null;
    String blockReason = "";
    for (FrontierEntry e : due) {
      if (blockedUntil != null) {
        sink.accept(new CrawlOutcome(e.url(), CrawlOutcome.Kind.RETRY, 0, Optional.empty(),
            blockReason, Instant.now(), blockedUntil, e.attempts(), "", -1, List.of(), List.of(),
            e.depth()), List.of());
        continue;
      }
      if (failures >= config.hostFailureBudget()) {
        sink.accept(failed(e, 0, CrawlReason.HOST_BUDGET,
            failures + " failures on this host", List.of()), List.of());
        continue;
      }
      List<FetchResult> archived = new ArrayList<>();
      CrawlOutcome o = crawlOne(e, robots, clock, archived);
      if (o.kind() == CrawlOutcome.Kind.RETRY) {
        blockedUntil = o.nextFetch();
        blockReason = "host asked to slow down: " + o.detail();
      } else if (o.kind() == CrawlOutcome.Kind.FAILED && o.reason().map(HostCrawler::countsAsFailure).orElse(false)) {
        failures++;
      }
      sink.accept(o, archived);
    }
  }

  private static boolean countsAsFailure(CrawlReason r) {
    return r == CrawlReason.ERROR || r == CrawlReason.TIMEOUT || r == CrawlReason.HTTP_ERROR;
  }

  private CrawlOutcome crawlOne(FrontierEntry e, RobotsPolicy robots, HostClock clock,
      List<FetchResult> archived) throws InterruptedException {
    String origin = UrlNormalizer.origin(e.url());
    String url = e.url();
    Set<String> chain = new LinkedHashSet<>();
    List<String> hops = new ArrayList<>();
    for (int hop = 0; hop <= config.maxRedirects(); hop++) {
      String via = hop == 0 ? "" : " (redirect hop " + hop + " from " + e.url() + ")";
      Optional<String> outOfScope = scope.check(url);
      if (outOfScope.isPresent()) {
        return failed(e, 0, CrawlReason.SCOPE, url + ": " + outOfScope.get() + via, hops);
      }
      Optional<String> trap = config.traps().check(url);
      if (trap.isPresent()) {
        return failed(e, 0, CrawlReason.TRAP, url + ": " + trap.get() + via, hops);
      }
      if (!UrlNormalizer.origin(url).equals(origin)) {
        Optional<String> refused = fetcher.refusedTarget(url);
        if (refused.isPresent()) {
          return failed(e, 0, CrawlReason.PRIVATE_ADDRESS, refused.get() + via, hops);
        }
        // Another origin belongs to another task: its politeness and robots.txt live there.
        return new CrawlOutcome(e.url(), CrawlOutcome.Kind.FAILED, 0,
            Optional.of(CrawlReason.REDIRECTED), "redirects to " + url, Instant.now(),
            Instant.now(), e.attempts(), "", -1, List.of(url), hops, e.depth());
      }
      if (!robots.allowed(url)) {
        return failed(e, 0, CrawlReason.ROBOTS, url + " is disallowed by robots.txt" + via, hops);
      }
      if (!chain.add(url)) {
        return failed(e, 0, CrawlReason.REDIRECT_LIMIT, "redirect loop back to " + url, hops);
      }
      FetchResult r = fetchWithRetries(url, clock);
      if (r.failure().isPresent()) {
        return failed(e, r.status(), r.failure().get(), url + ": " + r.detail() + via, hops);
      }
      if (r.isSlowDown()) {
        int attempts = e.attempts() + 1;
        Duration wait = r.retryAfter().orElse(DEFAULT_SLOW_DOWN);
        if (attempts > MAX_SLOW_DOWN_ATTEMPTS) {
          return failed(e, r.status(), CrawlReason.HTTP_ERROR,
              "HTTP " + r.status() + " after " + attempts + " attempts", hops);
        }
        return new CrawlOutcome(e.url(), CrawlOutcome.Kind.RETRY, r.status(), Optional.empty(),
            "HTTP " + r.status() + ", retry after " + wait.toSeconds() + " s", r.fetchTime(),
            r.fetchTime().plus(wait), attempts, "", -1, List.of(), hops, e.depth());
      }
      archived.add(r);
      if (r.isRedirect()) {
        Optional<String> next = UrlNormalizer.resolve(url, r.header("Location").orElseThrow());
        if (next.isEmpty()) {
          return failed(e, r.status(), CrawlReason.BAD_URL,
              "unusable Location '" + r.header("Location").orElseThrow() + "'", hops);
        }
        if (hop > 0) {
          hops.add(url);
        }
        url = next.get();
        continue;
      }
      if (hop > 0) {
        hops.add(url);
      }
      if (r.status() >= 400) {
        return new CrawlOutcome(e.url(), CrawlOutcome.Kind.FAILED, r.status(),
            Optional.of(CrawlReason.HTTP_ERROR), "HTTP " + r.status() + via, r.fetchTime(),
            r.fetchTime(), e.attempts(), "", -1, List.of(), hops, e.depth());
      }
      return new CrawlOutcome(e.url(), CrawlOutcome.Kind.FETCHED, r.status(), Optional.empty(),
          via.isEmpty() ? "" : "fetched as " + url, r.fetchTime(), r.fetchTime(), e.attempts(),
          "", -1, links(r, url), hops, e.depth());
    }
    return failed(e, 0, CrawlReason.REDIRECT_LIMIT,
        "more than " + config.maxRedirects() + " redirects", hops);
  }

  private List<String> links(FetchResult r, String url) {
    String type = r.header("Content-Type").orElse("");
    ContentType ct = ContentType.parse(type);
    if (!(ct.base().equals("text/html") || ct.base().equals("application/xhtml+xml"))) {
      return List.of();
    }
    return LinkExtractor.links(r.decoded(), ct.charset().orElse(null), url,
        config.followNofollow());
  }

  private FetchResult fetchWithRetries(String url, HostClock clock) throws InterruptedException {
    FetchResult r = null;
    for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
      if (attempt > 0) {
        Thread.sleep(config.retryBackoff().multipliedBy(1L << (attempt - 1)).toMillis());
      }
      String target = url;
      r = clock.request(() -> fetcher.fetch(target, true));
      if (!worthRetrying(r)) {
        return r;
      }
    }
    return r;
  }

  /** Worth another try: network trouble, a timeout, or a server error without Retry-After. */
  private static boolean worthRetrying(FetchResult r) {
    if (r.failure().isPresent()) {
      CrawlReason reason = r.failure().get();
      return reason == CrawlReason.ERROR || reason == CrawlReason.TIMEOUT;
    }
    return r.status() == 500 || r.status() == 502 || r.status() == 504
        || (r.status() == 503 && r.header("Retry-After").isEmpty());
  }

  private RobotsPolicy fetchRobots(String origin, HostClock clock) {
    String url = origin + "/robots.txt";
    try {
      FetchResult r = null;
      for (int hop = 0; hop <= config.maxRedirects(); hop++) {
        String target = url;
        r = clock.request(() -> fetcher.fetch(target, false));
        if (!r.isRedirect()) {
          break;
        }
        Optional<String> next = UrlNormalizer.resolve(url, r.header("Location").orElseThrow());
        if (next.isEmpty()) {
          break;
        }
        url = next.get();
      }
      return RobotsPolicy.from(r, config.robotsName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RobotsPolicy.from(FetchResult.failed(url, List.of(), 0, Instant.now(),
          CrawlReason.ERROR, "interrupted"), config.robotsName());
    }
  }

  private Optional<CrawlOutcome> readSitemaps(String origin, RobotsPolicy robots,
      HostClock clock) {
    List<String> roots = new ArrayList<>();
    for (String s : robots.sitemaps()) {
      UrlNormalizer.normalize(s).filter(u -> scope.check(u).isEmpty()).ifPresent(roots::add);
    }
    String conventional = origin + "/sitemap.xml";
    if (!roots.contains(conventional)) {
      roots.add(conventional);
    }
    SitemapReader reader = new SitemapReader(u -> {
      if (!robots.allowed(u)) {
        return FetchResult.failed(u, List.of(), 0, Instant.now(), CrawlReason.ROBOTS,
            "disallowed by robots.txt");
      }
      try {
        return clock.request(() -> fetcher.fetch(u, false));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return FetchResult.failed(u, List.of(), 0, Instant.now(), CrawlReason.ERROR, "interrupted");
      }
    }, MAX_SITEMAPS, MAX_SITEMAP_URLS);
    SitemapReader.Found found = reader.read(roots);
    if (found.urls().isEmpty()) {
      return Optional.empty();
    }
    List<String> urls = new ArrayList<>();
    for (String u : found.urls()) {
      UrlNormalizer.normalize(u).ifPresent(urls::add);
    }
    Instant now = Instant.now();
    return Optional.of(new CrawlOutcome(found.sitemaps().get(0), CrawlOutcome.Kind.SITEMAP, 200,
        Optional.empty(), found.sitemaps().size() + " sitemaps read, " + urls.size() + " URLs"
            + (found.problems().isEmpty() ? "" : "; " + String.join("; ", found.problems())),
        now, now, 0, "", -1, urls, List.of(), 0));
  }

  private static CrawlOutcome failed(FrontierEntry e, int status, CrawlReason reason,
      String detail, List<String> hops) {
    Instant now = Instant.now();
    return new CrawlOutcome(e.url(), CrawlOutcome.Kind.FAILED, status, Optional.of(reason),
        detail, now, now, e.attempts(), "", -1, List.of(), hops, e.depth());
  }
}
