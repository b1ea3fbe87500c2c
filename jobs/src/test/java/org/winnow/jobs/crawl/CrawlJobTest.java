package org.winnow.jobs.crawl;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.winnow.ingest.IngestConfig;
import org.winnow.ingest.crawl.CrawlConfig;
import org.winnow.ingest.crawl.CrawlScope;
import org.winnow.ingest.crawl.TrapRules;
import org.winnow.jobs.crawl.site.LoopbackSite;
import org.winnow.jobs.ingest.IngestJob;
import org.winnow.jobs.ingest.IngestReport;
import org.winnow.jobs.ingest.IngestSpec;
import org.winnow.jobs.testing.SharedSpark;

/**
 * The crawl job end to end against two loopback hosts: what was fetched and what was not (and
 * why, in the crawl log), politeness in the servers' own log, WARC files that jwarc and the ingest
 * job read, a rerun that fetches nothing again, and the refusal of loopback without allow-private.
 */
class CrawlJobTest {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());
  static final int SHAPE_CAP = 6;
  static final Duration DELAY = Duration.ofMillis(200);

  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();
  static LoopbackSite site;
  static CrawlSpec spec;
  static CrawlReport first;
  static List<LoopbackSite.Hit> firstHits;

  @BeforeAll
  static void crawlOnce() throws IOException {
    int port = LoopbackSite.freePort(List.of("127.0.0.2", "127.0.0.3"));
    String originB = "http://127.0.0.3:" + port;
    site = LoopbackSite.start(TestSites.twoHosts("127.0.0.2", "127.0.0.3", originB), DELAY,
        List.of("/private/"), port);
    spec = spec(site.seeds(), tmp.resolve("crawl"), true);
    first = new CrawlJob(SPARK.session(), QUIET).run(spec);
    firstHits = site.requests();
  }

  static CrawlSpec spec(List<String> seeds, Path out, boolean allowPrivate) {
    CrawlConfig config = CrawlConfig.defaults().withAllowPrivate(allowPrivate)
        .withDelays(Duration.ZERO, Duration.ofSeconds(5))
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
        .withTraps(new TrapRules(1024, 16, 3, SHAPE_CAP, 10_000));
    return new CrawlSpec(seeds, out.toString(), 1000, 5, 3, CrawlScope.sameDomainAs(seeds),
        config, 4, CrawlSpec.DEFAULT_WARC_MAX_BYTES);
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
  }

  private static Map<String, Row> log() {
    Map<String, Row> byUrl = new HashMap<>();
    for (Row r : SPARK.session().read().parquet(new CrawlLayout(first.output()).logRoot())
        .collectAsList()) {
      byUrl.put(r.getAs("url"), r);
    }
    return byUrl;
  }

  @Test
  void everyReachablePageIsFetchedExactlyOnce() {
    Set<String> expected = new HashSet<>();
    String a = site.origins().get(0);
    String b = site.origins().get(1);
    for (int i = 1; i <= TestSites.ARTICLES_A; i++) {
      expected.add(a + TestSites.article(i));
    }
    for (int i = 1; i <= TestSites.ARTICLES_B; i++) {
      expected.add(b + TestSites.article(i));
    }
    Map<String, Integer> requests = new HashMap<>();
    for (LoopbackSite.Hit h : firstHits) {
      requests.merge(h.origin() + h.path(), 1, Integer::sum);
    }
    for (String u : expected) {
      assertEquals(1, requests.getOrDefault(u, 0), u);
    }
    requests.forEach((u, n) -> assertEquals(1, n, "requested more than once: " + u));
    Map<String, Row> log = log();
    for (String u : expected) {
      assertEquals("fetched", log.get(u).getAs("status"), u);
    }
    assertTrue(first.pagesFetched() >= expected.size(), first.toString());
  }

  @Test
  void theCrawlLogSaysWhyPagesWereNotFetched() {
    Map<String, Row> log = log();
    String a = site.origins().get(0);
    assertEquals("robots", log.get(a + "/private/notes").getAs("reason"));
    assertEquals("scope", log.get("http://example.org/elsewhere").getAs("reason"));
    long calendarFetched = firstHits.stream()
        .filter(h -> h.path().startsWith("/calendar/")).count();
    assertTrue(calendarFetched <= SHAPE_CAP, "calendar pages fetched: " + calendarFetched);
    long trapped = 0;
    for (Row r : log.values()) {
      String url = r.getAs("url");
      if (url.contains("/calendar/") && !"fetched".equals(r.getAs("status"))) {
        assertEquals("trap", r.getAs("reason"), url);
        trapped++;
      }
    }
    assertTrue(trapped >= TestSites.CALENDAR_MONTHS - SHAPE_CAP, "trapped " + trapped);
    assertTrue(first.byReason().containsKey("robots"), first.byReason().toString());
    String summary = CrawlSummary.render(first);
    assertTrue(summary.contains("robots") && summary.contains("pages/s per core"), summary);
    assertEquals(0, firstHits.stream().filter(h -> h.path().startsWith("/private/")).count());
  }

  @Test
  void eachHostSeesAtLeastTheCrawlDelayBetweenRequests() {
    Map<String, Long> last = new HashMap<>();
    long shortest = Long.MAX_VALUE;
    for (LoopbackSite.Hit h : firstHits) {
      Long prev = last.put(h.origin(), h.nanos());
      if (prev != null) {
        shortest = Math.min(shortest, h.nanos() - prev);
      }
    }
    assertTrue(shortest >= DELAY.toNanos(), "shortest gap " + shortest / 1e6 + " ms");
  }

  @Test
  void warcFilesReadBackAndIngest() throws IOException {
    Path warcDir = Path.of(java.net.URI.create(first.warcDir()));
    int responses = 0;
    try (Stream<Path> files = Files.list(warcDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".warc.gz")).toList()) {
        try (WarcReader reader = new WarcReader(f)) {
          for (WarcRecord r : reader) {
            if (r instanceof WarcResponse resp) {
              responses++;
              assertTrue(resp.ipAddress().isPresent());
              assertTrue(resp.payloadDigest().isPresent());
            }
          }
        }
      }
    }
    assertTrue(responses >= first.pagesFetched(), responses + " responses");
    IngestReport ingested = new IngestJob(SPARK.session(), QUIET).run(new IngestSpec(
        List.of(first.warcDir()), tmp.resolve("docs").toString(), IngestConfig.defaults("crawl"),
        64L << 20, false));
    assertTrue(ingested.ledger().balanced());
    assertEquals(0, ingested.ledger().rejectedTotal(), ingested.ledger().toJson(Map.of()));
    assertTrue(ingested.ledger().kept() >= TestSites.ARTICLES_A + TestSites.ARTICLES_B,
        ingested.ledger().toJson(Map.of()));
  }

  @Test
  void warcFilesRollOverAtTheSizeLimitAndTheLogPointsIntoThem() throws IOException {
    // A limit of one byte: each URL's records go to a file of their own.
    CrawlReport rolled = new CrawlJob(SPARK.session(), QUIET)
        .run(spec(site.seeds(), tmp.resolve("rolled"), true).withWarcMaxBytes(1));
    assertEquals(first.pagesFetched(), rolled.pagesFetched());
    Path warcDir = Path.of(java.net.URI.create(rolled.warcDir()));
    Set<String> targets = new HashSet<>();
    long files;
    try (Stream<Path> all = Files.list(warcDir)) {
      List<Path> warcs = all.filter(p -> p.toString().endsWith(".warc.gz")).toList();
      files = warcs.size();
      for (Path f : warcs) {
        try (WarcReader reader = new WarcReader(f)) {
          for (WarcRecord r : reader) {
            if (r instanceof WarcResponse resp) {
              assertTrue(targets.add(resp.target()), "archived twice: " + resp.target());
            }
          }
        }
      }
    }
    List<Row> archived = SPARK.session().read().parquet(new CrawlLayout(rolled.output()).logRoot())
        .where(col("warc_file").isNotNull()).collectAsList();
    assertEquals(archived.size(), files, "one file per URL with records");
    for (Row r : archived) {
      Path f = warcDir.resolve(r.<String>getAs("warc_file"));
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f);
          WarcReader reader = new WarcReader(ch.position(r.<Long>getAs("warc_offset")))) {
        assertTrue(reader.next().orElseThrow() instanceof WarcResponse, r.toString());
      }
    }
  }

  @Test
  void aRerunContinuesWithoutFetchingAgain() {
    int before = site.requests().size();
    CrawlReport again = new CrawlJob(SPARK.session(), QUIET).run(spec);
    assertEquals(0, again.pagesFetched());
    assertEquals(first.lastRound(), again.lastRound());
    assertEquals(before, site.requests().size());
  }

  @Test
  void withoutAllowPrivateLoopbackIsRefused() {
    int before = site.requests().size();
    CrawlReport refused = new CrawlJob(SPARK.session(), QUIET)
        .run(spec(site.seeds(), tmp.resolve("refused"), false));
    assertEquals(0, refused.pagesFetched());
    assertEquals(Long.valueOf(site.seeds().size()), refused.byReason().get("private_address"),
        refused.byReason().toString());
    assertEquals(before, site.requests().size());
    long logged = SPARK.session().read().parquet(new CrawlLayout(refused.output()).logRoot())
        .where(col("reason").equalTo("private_address")).count();
    assertEquals(site.seeds().size(), logged);
  }
}
