package org.winnow.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.IngestConfig;
import org.winnow.ingest.WarcIngester;
import org.winnow.ingest.crawl.CrawlOutcome.Kind;

/**
 * One crawl of every trap on the generated site, against a real server on 127.0.0.2, then checks
 * of what was fetched and what was not (and why), of politeness in the server's own log, and of
 * the WARC file it wrote, read back by jwarc and by the ingester.
 */
class HostCrawlerTest {
  private static final List<String> DUE = List.of("/", "/private/secret", "/page/1",
      "/redirect/chain1", "/redirect/loop1", "/redirect/to-private", "/redirect/other-host",
      "/hop/1", "/missing", "/error", "/slow", "/bomb", "/huge", "/doc.pdf", "/image.png",
      "/gzipped", "/base", "/busy", "/page/2");

  @TempDir static Path dir;
  static TestSite site;
  static TestSite other;
  static Path warcFile;
  static Map<String, CrawlOutcome> outcomes = new LinkedHashMap<>();
  static List<CrawlOutcome> sitemaps = new ArrayList<>();

  @BeforeAll
  static void crawl() throws Exception {
    other = new TestSite("127.0.0.3", "http://127.0.0.3:1", "http://127.0.0.1:1");
    site = new TestSite("127.0.0.2", other.origin(), "http://127.0.0.1:1");
    CrawlConfig config = CrawlConfig.defaults().withAllowPrivate(true)
        .withDelays(Duration.ZERO, Duration.ofSeconds(5))
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
        .withRetries(1, Duration.ofMillis(50));
    CrawlScope scope = CrawlScope.sameDomainAs(List.of(site.origin() + "/", other.origin() + "/"));
    warcFile = dir.resolve("host.warc.gz");
    List<FrontierEntry> due = DUE.stream().map(p -> new FrontierEntry(site.url(p), 0, 0)).toList();
    try (PageFetcher fetcher = new PageFetcher(config, 1);
        OutputStream out = Files.newOutputStream(warcFile);
        CrawlWarcWriter writer = new CrawlWarcWriter(out, "host.warc.gz", "winnow test")) {
      WarcFileSink sink = new WarcFileSink(writer, "host.warc.gz", o -> {
        if (o.kind() == Kind.SITEMAP) {
          sitemaps.add(o);
        } else {
          outcomes.put(o.url().substring(site.origin().length()), o);
        }
      });
      new HostCrawler(config, scope, fetcher, new RobotsCache(Duration.ofHours(1)))
          .crawl(site.origin(), due, sink);
    }
  }

  @AfterAll
  static void stop() {
    site.close();
    other.close();
  }

  private static CrawlOutcome outcome(String path) {
    CrawlOutcome o = outcomes.get(path);
    assertNotNull(o, "no outcome for " + path + " in " + outcomes.keySet());
    return o;
  }

  private static void assertFailed(String path, CrawlReason reason) {
    CrawlOutcome o = outcome(path);
    assertEquals(Kind.FAILED, o.kind(), path + ": " + o);
    assertEquals(Optional.of(reason), o.reason(), path + ": " + o.detail());
  }

  @Test
  void everyDueUrlHasOneOutcome() {
    assertEquals(DUE, new ArrayList<>(outcomes.keySet()));
  }

  @Test
  void pagesAreFetchedWithTheirLinks() {
    CrawlOutcome home = outcome("/");
    assertEquals(Kind.FETCHED, home.kind());
    assertEquals(200, home.httpStatus());
    assertTrue(home.links().contains(site.url("/page/1")), home.links().toString());
    assertTrue(home.links().contains(site.url("/calendar/2026/01")));
    assertEquals(Kind.FETCHED, outcome("/gzipped").kind());
    assertEquals(List.of(site.url("/page/1")), outcome("/gzipped").links());
  }

  @Test
  void baseHrefCanonicalAndNofollowShapeTheLinks() {
    CrawlOutcome base = outcome("/base");
    assertEquals(List.of(site.url("/canonical"), site.url("/page/2?a=1&b=2"), site.url("/sub/rel")),
        base.links().stream().sorted().toList());
  }

  @Test
  void robotsTxtIsReadOnceAndObeyed() {
    assertFailed("/private/secret", CrawlReason.ROBOTS);
    assertEquals(0, site.hits("/private/secret"));
    assertEquals(1, site.hits("/robots.txt"));
  }

  @Test
  void sitemapIndexLeadsThroughTheGzippedSitemap() {
    assertEquals(1, sitemaps.size());
    List<String> urls = sitemaps.get(0).links();
    for (int i = 1; i <= TestSite.PAGES; i++) {
      assertTrue(urls.contains(site.url("/page/" + i)), urls.toString());
    }
    assertTrue(urls.contains(site.url("/orphan")));
    assertEquals(1, site.hits("/sitemap-pages.xml.gz"));
  }

  @Test
  void redirectsAreFollowedByHandAndChecked() {
    CrawlOutcome chain = outcome("/redirect/chain1");
    assertEquals(Kind.FETCHED, chain.kind(), chain.detail());
    assertTrue(chain.fetched().contains(site.url("/page/final")), chain.fetched().toString());
    assertFailed("/redirect/loop1", CrawlReason.REDIRECT_LIMIT);
    assertFailed("/hop/1", CrawlReason.REDIRECT_LIMIT);
    assertEquals(0, site.hits("/hop/7"), "at most 5 hops follow the first request");
    assertFailed("/redirect/to-private", CrawlReason.ROBOTS);
    assertEquals(0, site.hits("/private/secret"));
    CrawlOutcome away = outcome("/redirect/other-host");
    assertEquals(Optional.of(CrawlReason.REDIRECTED), away.reason());
    assertEquals(List.of(other.url("/landing")), away.links());
    assertEquals(0, other.log().size(), "another host is its own task's business");
  }

  @Test
  void errorStatusesAreArchivedAndServerErrorsRetried() {
    CrawlOutcome missing = outcome("/missing");
    assertEquals(404, missing.httpStatus());
    assertEquals(Optional.of(CrawlReason.HTTP_ERROR), missing.reason());
    assertTrue(missing.warcOffset() >= 0);
    assertEquals(500, outcome("/error").httpStatus());
    assertEquals(2, site.hits("/error"), "one retry");
    assertEquals(1, site.hits("/missing"), "a 404 is not retried");
  }

  @Test
  void slowDownDefersTheRestOfTheHost() {
    CrawlOutcome busy = outcome("/busy");
    assertEquals(Kind.RETRY, busy.kind());
    assertEquals(Duration.ofSeconds(120), Duration.between(busy.fetchTime(), busy.nextFetch()));
    assertEquals(1, busy.attempts());
    CrawlOutcome after = outcome("/page/2");
    assertEquals(Kind.RETRY, after.kind());
    assertEquals(busy.nextFetch(), after.nextFetch());
    assertEquals(0, site.hits("/page/2"));
  }

  @Test
  void limitsStopTimeoutsBombsHugePagesAndOtherTypes() {
    assertFailed("/slow", CrawlReason.TIMEOUT);
    assertFailed("/bomb", CrawlReason.TOO_LARGE);
    assertFailed("/huge", CrawlReason.TOO_LARGE);
    assertFailed("/doc.pdf", CrawlReason.CONTENT_TYPE);
    assertFailed("/image.png", CrawlReason.CONTENT_TYPE);
  }

  @Test
  void theServerSeesAtLeastTheCrawlDelayBetweenRequests() {
    List<TestSite.Hit> log = site.log();
    assertTrue(log.size() > 20, "requests: " + log.size());
    long min = Long.MAX_VALUE;
    for (int i = 1; i < log.size(); i++) {
      min = Math.min(min, log.get(i).nanos() - log.get(i - 1).nanos());
    }
    assertTrue(min >= TestSite.CRAWL_DELAY_MS * 1_000_000L,
        "shortest gap " + min / 1e6 + " ms < crawl delay " + TestSite.CRAWL_DELAY_MS + " ms");
  }

  @Test
  void warcHoldsResponseAndRequestRecordsThatJwarcReadsBack() throws Exception {
    Map<Long, WarcResponse> responses = new HashMap<>();
    int requests = 0;
    try (WarcReader reader = new WarcReader(warcFile)) {
      for (WarcRecord r : reader) {
        if (r instanceof WarcResponse resp) {
          responses.put(reader.position(), resp);
          assertEquals("127.0.0.2", resp.ipAddress().orElseThrow().getHostAddress());
          byte[] body = resp.http().body().stream().readAllBytes();
          String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
          assertEquals(digest, resp.payloadDigest().orElseThrow().hex());
        } else if (r instanceof WarcRequest) {
          requests++;
        }
      }
    }
    assertEquals(responses.size(), requests);
    for (CrawlOutcome o : outcomes.values()) {
      if (o.kind() == Kind.FETCHED || o.reason().equals(Optional.of(CrawlReason.HTTP_ERROR))) {
        assertTrue(responses.containsKey(o.warcOffset()), o.url() + " at " + o.warcOffset());
        String last = o.fetched().isEmpty() ? o.url() : o.fetched().get(o.fetched().size() - 1);
        assertEquals(last, responses.get(o.warcOffset()).target());
      }
    }
  }

  @Test
  void ingestReadsTheCrawledWarc() throws IOException {
    WarcIngester ingester = new WarcIngester(IngestConfig.defaults("test"));
    List<String> kept = new ArrayList<>();
    int rejected = 0;
    try (InputStream in = Files.newInputStream(warcFile)) {
      Iterator<Outcome> it = ingester.read(in, "host.warc.gz");
      while (it.hasNext()) {
        Outcome o = it.next();
        if (o instanceof Outcome.Kept k) {
          kept.add(k.document().url());
        } else if (o.fate() == Fate.REJECTED) {
          rejected++;
        }
      }
    }
    assertEquals(0, rejected);
    assertTrue(kept.contains(site.url("/page/1")), kept.toString());
    assertTrue(kept.contains(site.url("/page/final")), kept.toString());
    assertTrue(kept.contains(site.url("/gzipped")), kept.toString());
    assertFalse(kept.contains(site.url("/missing")));
  }
}
