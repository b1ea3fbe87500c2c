package org.winnow.jobs.quickstart;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.winnow.core.output.LocalOutputStore;
import org.winnow.ingest.crawl.CrawlConfig;
import org.winnow.ingest.crawl.TrapRules;
import org.winnow.jobs.crawl.CrawlJob;
import org.winnow.jobs.crawl.CrawlReport;
import org.winnow.jobs.crawl.CrawlSpec;
import org.winnow.jobs.crawl.site.LoopbackSite;

/**
 * The quick start's crawl: the Europarl pages served on loopback (with a robots.txt and a
 * sitemap), crawled by the crawl job with private addresses allowed. A few
 * empty pages among them are bad input the ingest ledger must account for. A finished crawl of
 * the same size is reused.
 *
 * <p>The site asks for one fixed port first ({@link #PORT}): the port is part of every URL, the
 * URL part of every document id, and the id decides the held-out split, so the same port makes
 * two quick starts (of two versions of the code, say) hold out the same documents, which
 * {@code winnow compare} can then pair. When the port is busy another is taken, and the run says
 * that its ids will differ.
 */
public final class QuickstartSite {
  /**
   * The loopback host serving the site. One host, because the pages link to each other by
   * path: split over several, half the links would point at the wrong one.
   */
  static final String HOST = "127.0.0.2";
  /**
   * What robots.txt keeps the crawler out of: the pages' navigation links (section indexes
   * ending in '/', the footer's pages, share links), which this site does not serve. The crawl
   * log counts them under "robots".
   */
  static final List<String> DISALLOW = List.of("/*/$", "/debates/*/$", "/accessibility",
      "/contact", "/legal", "/privacy", "/share", "/static/", "/img/");

  /** The port asked for first; see the class comment. */
  static final int PORT = 48_080;
  /** The quick-start crawl's WARC file size (see {@link #crawl}). */
  static final long QUICKSTART_WARC_BYTES = 8L << 20;

  /** Written into the crawl directory when the quick start's crawl is complete. */
  static final String MARKER = "_QUICKSTART";

  private QuickstartSite() {}

  /**
   * What the crawl left behind.
   *
   * @param warcDir  the WARC directory ingest reads
   * @param report   the crawl run (absent when a finished crawl was reused)
   */
  public record Result(String warcDir, Optional<CrawlReport> report) {}

  public static Result crawl(SparkSession spark, int documents, Path dir, boolean force,
      PrintWriter err) throws IOException {
    Path marker = dir.resolve(MARKER);
    String wanted = Integer.toString(documents);
    if (!force && Files.isRegularFile(marker)
        && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(wanted)) {
      return new Result(dir.resolve("warc").toString(), Optional.empty());
    }
    new LocalOutputStore().deleteRecursively(dir.toString());
    List<EuroparlDocument> docs = EuroparlReader.read(documents);
    List<LoopbackSite.Page> pages = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      EuroparlDocument d = docs.get(i);
      pages.add(LoopbackSite.Page.html(URI.create(PageRenderer.urlOf(d)).getPath(),
          PageRenderer.render(d, QuickstartCorpus.related(docs, i))));
      if (i % QuickstartCorpus.EMPTY_EVERY == 7) {
        pages.add(LoopbackSite.Page.html("/debates/print/" + d.index() + ".html", ""));
      }
    }
    long total = pages.size();
    try (LoopbackSite site = serve(pages, err)) {
      // The debate pages share one URL shape (/debates/<date>/<n>.html), which the default
      // trap rules cap at 1,000 per host: right for the open web, wrong for this known site.
      TrapRules d = TrapRules.defaults();
      CrawlConfig config = CrawlConfig.defaults().withAllowPrivate(true)
          .withDelays(Duration.ZERO, Duration.ZERO)
          .withTraps(new TrapRules(d.maxUrlLength(), d.maxPathDepth(), d.maxSegmentRepeats(),
              Integer.MAX_VALUE, Integer.MAX_VALUE));
      // Round 1 reads the seed, robots.txt and the sitemap; round 2 fetches every page listed.
      // The site is one host, so one task crawls it; WARC files of 8 MB rather than one of
      // about 50 MB let the ingest step that follows spread the pages over every core.
      CrawlSpec spec = CrawlSpec.of(site.seeds(), dir.toString(), config)
          .withLimits(total + 100, 2, 3).withWarcMaxBytes(QUICKSTART_WARC_BYTES);
      err.println("quickstart: crawling " + total + " pages on " + site.origins());
      CrawlReport report = new CrawlJob(spark, err).run(spec);
      Files.writeString(marker, wanted + "\n", StandardCharsets.UTF_8);
      return new Result(report.warcDir(), Optional.of(report));
    }
  }

  /** The site on {@link #PORT}, or on a free port when that one is busy. */
  static LoopbackSite serve(List<LoopbackSite.Page> pages, PrintWriter err) throws IOException {
    try {
      return LoopbackSite.start(Map.of(HOST, pages), Duration.ZERO, DISALLOW, PORT);
    } catch (BindException e) {
      err.println("quickstart: port " + PORT + " on " + HOST + " is busy, so the site takes "
          + "another; document ids, and so the held-out split, will differ from other runs'");
      return LoopbackSite.start(Map.of(HOST, pages), Duration.ZERO, DISALLOW);
    }
  }
}
