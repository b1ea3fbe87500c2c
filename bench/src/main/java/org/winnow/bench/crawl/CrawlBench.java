package org.winnow.bench.crawl;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.winnow.ingest.crawl.CrawlConfig;
import org.winnow.ingest.crawl.CrawlScope;
import org.winnow.jobs.crawl.CrawlJob;
import org.winnow.jobs.crawl.CrawlLayout;
import org.winnow.jobs.crawl.CrawlReport;
import org.winnow.jobs.crawl.CrawlSchemas;
import org.winnow.jobs.crawl.CrawlSpec;
import org.winnow.jobs.crawl.site.LoopbackSite;
import org.winnow.jobs.crawl.site.LoopbackSite.Page;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;

/**
 * Two crawl figures in one run.
 *
 * <p>Throughput: a site of {@code --hosts} loopback hosts (127.0.0.2, ...) with {@code --pages}
 * pages each is fetched once by a plain sequential loop of HTTP GETs (java.net.http, one
 * connection, nothing but the request) and once by the crawl job in {@code local[N]} with
 * politeness off (no minimum delay, Crawl-delay capped to zero); pages/s of both and their ratio.
 * The crawl's time includes everything a crawl does: robots.txt, sitemaps, two rounds of frontier
 * selection and merge, link extraction, WARC writing with journaling. The crawl runs
 * {@code --crawls} times into fresh outputs: the first pays Spark's cold start, the later ones are
 * the steady state (the plain loop gets a warm-up too).
 *
 * <p>The session uses 8 shuffle partitions (Spark's default of 200 is meant for clusters; with
 * 20,000 rows it only adds scheduling to every merge).
 *
 * <p>Memory: a frontier of {@code --frontier} URLs (all but the site's already fetched, on
 * made-up hosts) goes through one more round that fetches the site again under new paths and
 * merges their links against the whole frontier; run it with Spark's default driver heap
 * ({@code -Xmx1g}) to show the frontier never has to fit on the driver.
 *
 * <p>Usage: {@code CrawlBench [--hosts 20] [--pages 500] [--cores 2] [--frontier 1000000]
 * [--crawls 2] [--work DIR]}
 */
public final class CrawlBench {
  private CrawlBench() {}

  public static void main(String[] args) throws Exception {
    int hosts = Integer.parseInt(option(args, "--hosts", "20"));
    int pages = Integer.parseInt(option(args, "--pages", "500"));
    int cores = Integer.parseInt(option(args, "--cores", "2"));
    long frontierSize = Long.parseLong(option(args, "--frontier", "1000000"));
    int crawls = Integer.parseInt(option(args, "--crawls", "2"));
    Path work = Path.of(option(args, "--work", "winnow-work/bench-crawl")).toAbsolutePath();
    deleteRecursively(work);
    Files.createDirectories(work);
    say("max heap %.0f MB, %d hosts x %d pages, local[%d]",
        Runtime.getRuntime().maxMemory() / 1048576.0, hosts, pages, cores);

    Map<String, List<Page>> site = new LinkedHashMap<>();
    for (int h = 0; h < hosts; h++) {
      List<Page> list = new ArrayList<>();
      for (int p = 0; p < pages; p++) {
        list.add(Page.html("/doc/" + word(p), page(h, p, pages)));
        list.add(Page.html("/again/" + word(p), page(h, p, pages)));
      }
      site.put("127.0.0." + (h + 2), list);
    }
    try (LoopbackSite server = LoopbackSite.start(site, Duration.ZERO, List.of());
        SessionLease lease = SparkSessions.open("crawl-bench",
            Optional.of("local[" + cores + "]"), Map.of("spark.ui.enabled", "false", "spark.sql.shuffle.partitions", "8",
                "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1"))) {
      SparkSession spark = lease.session();
      List<String> urls = new ArrayList<>();
      for (String origin : server.origins()) {
        for (int p = 0; p < pages; p++) {
          urls.add(origin + "/doc/" + word(p));
        }
      }
      rawLoop(urls.subList(0, Math.min(500, urls.size()))); // warm-up
      double raw = rawLoop(urls);
      say("plain loop: %d pages in %.1f s = %.0f pages/s", urls.size(), urls.size() / raw, raw);

      CrawlConfig config = CrawlConfig.defaults().withAllowPrivate(true)
          .withDelays(Duration.ZERO, Duration.ZERO);
      String out = null;
      CrawlSpec spec = null;
      // The first crawl in a JVM also pays Spark's cold start (query compilation, JIT) inside its
      // rounds; later crawls show the steady state, as the plain loop's warm-up does for it.
      for (int c = 1; c <= crawls; c++) {
        out = work.resolve("crawl-" + c).toString();
        spec = new CrawlSpec(server.seeds(), out, Long.MAX_VALUE / 4, 1, 2,
            CrawlScope.sameDomainAs(server.seeds()), config, 16,
            CrawlSpec.DEFAULT_WARC_MAX_BYTES);
        long cpu0 = cpuNanos();
        CrawlReport r = new CrawlJob(spark, new PrintWriter(System.err, true)).run(spec);
        double cpu = (cpuNanos() - cpu0) / 1e9;
        String which = c == 1 ? "cold, first in this JVM" : "warm";
        say("crawl job %d (%s): %d pages in %.1f s = %.0f pages/s (%.1f cores busy); %s", c,
            which, r.pagesFetched(), r.elapsedSeconds(), r.pagesPerSecond(),
            cpu / r.elapsedSeconds(), r.stopped());
        say("ratio crawl %d (%s) / plain loop: %.2f", c, which, r.pagesPerSecond() / raw);
      }

      if (frontierSize > 0) {
        bigFrontierRound(spark, server, out, spec, frontierSize, pages);
      }
    }
  }

  /**
   * Replaces the crawl's last frontier with one of {@code size} URLs: the site's "again" pages
   * due, every other URL already fetched on made-up hosts; then runs one more round.
   */
  private static void bigFrontierRound(SparkSession spark, LoopbackSite server, String out,
      CrawlSpec spec, long size, int pages) throws Exception {
    CrawlLayout layout = new CrawlLayout(Path.of(out).toUri().toString().replaceAll("/$", ""));
    int last = layout.lastRound(spark.sparkContext().hadoopConfiguration()).orElseThrow();
    List<Row> due = new ArrayList<>();
    for (String origin : server.origins()) {
      for (int p = 0; p < pages; p++) {
        due.add(org.apache.spark.sql.RowFactory.create(origin + "/again/" + word(p), origin,
            origin.substring(7, origin.lastIndexOf(':')), 1, CrawlSchemas.DUE, 0, null, 0L, null,
            0, last));
      }
    }
    long filler = size - due.size();
    Column host = concat(lit("http://h"), pmod(col("id"), lit(10_000)).cast("string"),
        lit(".example.com"));
    Dataset<Row> fetched = spark.range(filler).select(
        concat(host, lit("/p/"), col("id").cast("string")).as("url"), host.as("host"),
        concat(lit("h"), pmod(col("id"), lit(10_000)).cast("string"), lit(".example.com"))
            .as("domain"),
        lit(1).as("depth"), lit(CrawlSchemas.FETCHED).as("status"), lit(0).as("attempts"),
        lit(null).cast("string").as("discovered_from"), lit(0L).as("next_fetch_ms"),
        lit(null).cast("string").as("reason"), lit(200).as("http_status"),
        lit(last).as("round"));
    Dataset<Row> frontier = spark.createDataFrame(due, CrawlSchemas.FRONTIER).unionByName(fetched);
    String target = layout.frontier(last);
    frontier.write().mode("overwrite").parquet(target + "-big");
    org.apache.hadoop.fs.Path t = new org.apache.hadoop.fs.Path(target);
    var fs = CrawlLayout.fileSystem(t, spark.sparkContext().hadoopConfiguration());
    fs.delete(t, true);
    fs.rename(new org.apache.hadoop.fs.Path(target + "-big"), t);
    long rows = spark.read().parquet(target).count();
    say("frontier of %d URLs (%d due) written as round %d", rows, due.size(), last);

    CrawlSpec one = new CrawlSpec(spec.seeds(), spec.output(), Long.MAX_VALUE / 4, 2, last + 1,
        spec.scope(), spec.config(), spec.hostThreads(), spec.warcMaxBytes());
    long t0 = System.nanoTime();
    CrawlReport r = new CrawlJob(spark, new PrintWriter(Writer.nullWriter())).run(one);
    double s = (System.nanoTime() - t0) / 1e9;
    long after = spark.read().parquet(layout.frontier(r.lastRound())).count();
    say("round %d over the %d-URL frontier: %d pages fetched, frontier now %d URLs, %.1f s, "
        + "max heap %.0f MB", r.lastRound(), rows, r.pagesFetched(), after, s,
        Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  private static double rawLoop(List<String> urls) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long bytes = 0;
    long t0 = System.nanoTime();
    for (String u : urls) {
      HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(u)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(u + " answered " + r.statusCode());
      }
      bytes += r.body().length;
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (bytes == 0) {
      throw new IllegalStateException("no bytes read");
    }
    return urls.size() / s;
  }

  private static String page(int host, int p, int pages) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        + "<title>Page ").append(p).append("</title></head><body><h1>Host ").append(host)
        .append(" page ").append(p).append("</h1>");
    for (int k = 1; k <= 5; k++) {
      b.append("<a href=\"/doc/").append(word((p + k * 37) % pages)).append("\">more</a> ");
    }
    for (int k = 0; k < 12; k++) {
      b.append("<p>The committee on transport discussed item ").append(k)
          .append(" of the agenda and agreed to return to it at the next sitting.</p>");
    }
    return b.append("</body></html>").toString();
  }

  /** Page names without digits, so the trap rules' shape cap does not see a numbered family. */
  private static String word(int n) {
    StringBuilder b = new StringBuilder();
    do {
      b.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return b.toString();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void deleteRecursively(Path p) throws Exception {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static void say(String format, Object... args) {
    System.out.println("crawl-bench: " + String.format(format, args));
  }
}
