package org.winnow.jobs.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.winnow.jobs.cli.WinnowCli;
import org.winnow.jobs.crawl.site.LoopbackSite;
import org.winnow.jobs.crawl.site.LoopbackSite.Page;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.testing.SparkStandaloneCluster;
import org.winnow.jobs.testing.TestSpark;

/**
 * {@code winnow crawl} killed with SIGKILL in the middle of a round, in its own JVM, then run
 * again with the same command line: every page ends up archived exactly once, and no page is
 * requested again except those in flight when the kill came (at most one per host). A second
 * JVM with Spark takes about a minute on a loaded two-core machine, so this runs with -Pslow;
 * {@code TaskJournalTest} covers the same recovery in the default suite.
 */
@Tag("slow")
class CrawlKillRestartTest {
  private static final int PAGES_PER_HOST = 25;
  private static final List<String> HOSTS = List.of("127.0.0.2", "127.0.0.3");
  private static final int KILL_AFTER_PAGES = 16;

  @TempDir static Path tmp;
  static SessionLease lease;
  static LoopbackSite site;

  @BeforeAll
  static void start() throws Exception {
    lease = TestSpark.start();
    Map<String, List<Page>> hosts = new LinkedHashMap<>();
    for (String h : HOSTS) {
      List<Page> pages = new ArrayList<>();
      for (int i = 0; i < PAGES_PER_HOST; i++) {
        pages.add(Page.html(path(i), TestSites.article("Page " + i, i, "")));
      }
      hosts.put(h, pages);
    }
    site = LoopbackSite.start(hosts, Duration.ofMillis(150), List.of());
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
    if (lease != null) {
      lease.close();
    }
  }

  static String path(int i) {
    return "/page-" + TestSites.article(i % 20 + 1).substring(9) + "-" + (char) ('a' + i);
  }

  private static boolean isPage(String path) {
    return path.startsWith("/page-");
  }

  private static long pagesServed() {
    return site.requests().stream().filter(h -> isPage(h.path())).count();
  }

  @Test
  void aKilledCrawlResumesWithoutLosingOrRefetchingPages() throws Exception {
    Path seeds = tmp.resolve("seeds.txt");
    Files.write(seeds, site.seeds(), StandardCharsets.UTF_8);
    String out = tmp.resolve("crawl").toString();
    List<String> args = List.of("crawl", "--seeds", seeds.toString(), "--output", out,
        "--allow-private", "--min-delay-ms", "0", "--rounds", "3", "--master", "local[2]");

    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(SparkStandaloneCluster.moduleOptions());
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    cmd.add(WinnowCli.class.getName());
    cmd.addAll(args);
    Path childLog = tmp.resolve("killed.log");
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(childLog.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (pagesServed() < KILL_AFTER_PAGES && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    long servedBeforeKill = pagesServed();
    assertTrue(servedBeforeKill >= KILL_AFTER_PAGES,
        "the crawl fetched " + servedBeforeKill + " pages before the kill:\n"
            + Files.readString(childLog, StandardCharsets.UTF_8));
    assertTrue(servedBeforeKill < HOSTS.size() * PAGES_PER_HOST, "killed too late to tell");

    StringWriter err = new StringWriter();
    int code = WinnowCli.execute(args.toArray(String[]::new),
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());

    Map<String, Integer> archived = new HashMap<>();
    Path warcDir = Path.of(out, "warc");
    try (Stream<Path> files = Files.list(warcDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".warc.gz")).toList()) {
        try (WarcReader reader = new WarcReader(f)) {
          for (WarcRecord r : reader) {
            if (r instanceof WarcResponse resp) {
              archived.merge(resp.target(), 1, Integer::sum);
            }
          }
        }
      }
    }
    Map<String, Integer> requested = new HashMap<>();
    for (LoopbackSite.Hit h : site.requests()) {
      if (isPage(h.path())) {
        requested.merge(h.origin() + h.path(), 1, Integer::sum);
      }
    }
    int refetched = 0;
    for (String origin : site.origins()) {
      for (int i = 0; i < PAGES_PER_HOST; i++) {
        String url = origin + path(i);
        assertEquals(1, archived.getOrDefault(url, 0), "archived once: " + url);
        int n = requested.getOrDefault(url, 0);
        assertTrue(n == 1 || n == 2, url + " requested " + n + " times");
        refetched += n - 1;
      }
    }
    assertTrue(refetched <= HOSTS.size(),
        refetched + " pages requested again; only those in flight at the kill may be");
    long fetchedInLog = lease.session().read().parquet(out + "/crawl_log")
        .where("status = 'fetched'").collectAsList().stream()
        .map((Row r) -> (String) r.getAs("url")).filter(u -> u.contains("/page-")).distinct()
        .count();
    assertEquals(HOSTS.size() * PAGES_PER_HOST, fetchedInLog);
  }
}
