package org.winnow.ingest.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.winnow.core.Document;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.IngestConfig;
import org.winnow.ingest.WarcIngester;
import org.winnow.ingest.html.ExtractionConfig;
import org.winnow.ingest.html.ExtractionTimeoutException;
import org.winnow.ingest.html.MainTextExtractor;

/**
 * The real crawls in {@code shared/data/warc} (see its SOURCES.md), counted twice: by the
 * ingester, and independently here with jwarc and the extractor directly. Skipped where the
 * shared data is not checked out. The one test class that loads every Lingua language.
 */
@Timeout(120)
class RealCrawlsTest {
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([a-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);

  private static final MainTextExtractor extractor =
      new MainTextExtractor(ExtractionConfig.defaults());
  private static WarcIngester ingester;

  /** Every language: built on first use, so that skipped tests cost nothing. */
  private static synchronized WarcIngester ingester() {
    if (ingester == null) {
      ingester = new WarcIngester(IngestConfig.defaults("realcrawl"));
    }
    return ingester;
  }

  @Test
  void commonCrawlExcerpt() throws IOException {
    Ledger ledger = WarcFixtures.ledger(check("cc-main-2020-34-excerpt.warc.gz", 16));
    assertTrue(ledger.kept() >= 14, "the CC excerpt's pages are real pages: " + ledger);
  }

  @Test
  void whirlwindWarc() throws IOException {
    List<Outcome> outcomes = check("whirlwind.warc.gz", 1);
    Document d = ((Outcome.Kept) outcomes.get(0)).document();
    assertEquals("https://an.wikipedia.org/wiki/Escopete", d.url());
    assertEquals("wikipedia.org", d.domain());
    assertTrue(d.title().startsWith("Escopete"), d.title());
  }

  @Test
  void whirlwindWetPassesCommonCrawlTextThrough() throws IOException {
    List<Outcome> outcomes = check("whirlwind.warc.wet.gz", 1);
    Document d = ((Outcome.Kept) outcomes.get(0)).document();
    assertEquals("", d.title());
    assertEquals(0, d.hiddenChars());
    assertTrue(d.text().contains("Escopete"), d.text());
    assertFalse(d.text().contains("\r"), "newlines are normalised");
  }

  @Test
  void ukwaHeritrixCrawl() throws IOException {
    String name = "ukwa-govuk-BL-20140325121225068.warc.gz";
    Ledger ledger = WarcFixtures.ledger(check(name, 65));
    // dns: records are responses too, with Content-Type text/dns.
    assertTrue(ledger.rejected().getOrDefault("unsupported_content_type", 0L) >= 4, ledger.toJson());
    int html = 0;
    try (WarcReader reader = new WarcReader(crawl(name))) {
      for (WarcRecord r : reader) {
        if (r instanceof WarcResponse resp
            && resp.contentType().base().toString().equals("application/http")
            && resp.http().headers().first("Content-Type").orElse("").startsWith("text/html")) {
          html++;
        }
      }
    }
    assertEquals(36, html, "SOURCES.md: 36 records with Content-Type: text/html");
  }

  /**
   * Reads {@code name} through the ingester and checks its ledger, reason by reason, against an
   * independent count; checks every outcome's offset against the file's gzip members.
   */
  private List<Outcome> check(String name, int expectedCandidates) throws IOException {
    Path file = crawl(name);
    byte[] bytes = Files.readAllBytes(file);
    List<Outcome> outcomes = WarcFixtures.readAll(ingester(), bytes, name);
    Ledger ledger = WarcFixtures.ledger(outcomes);
    Ledger expected = independentCount(file);
    assertEquals(expectedCandidates, expected.in(), "candidate records per SOURCES.md");
    assertEquals(expected.toJson(), ledger.toJson(), name + ": outcomes per fate and reason");

    List<Long> members = GzipMembers.starts(bytes);
    for (Outcome o : outcomes) {
      long offset = o instanceof Outcome.Kept k ? k.document().warcOffset()
          : ((Outcome.Dropped) o).warcOffset();
      String url = o instanceof Outcome.Kept k ? k.document().url() : ((Outcome.Dropped) o).url();
      assertTrue(members.contains(offset), name + ": " + offset + " is not a gzip member start");
      String head = memberHead(bytes, offset);
      assertTrue(head.startsWith("WARC/1.0\r\n"), head);
      assertTrue(head.contains("WARC-Target-URI: " + url + "\r\n"), url + " not at " + offset);
      if (o instanceof Outcome.Kept k) {
        Document d = k.document();
        assertEquals(name, d.warcFile());
        assertFalse(d.domain().isEmpty(), d.url());
        assertTrue(d.lang().matches("[a-z]{2}|und"), d.lang());
        assertTrue(head.contains("WARC-Date: " + d.fetchTime() + "\r\n"),
            "fetch time " + d.fetchTime() + " at " + offset);
      }
    }
    return outcomes;
  }

  /**
   * {@code <repo root>/../shared/data/warc/<name>}; the tests run in {@code ingest/}, whose parent
   * is the repo root. The system property {@code winnow.shared} names another shared folder.
   */
  private static Path crawl(String name) {
    String base = System.getProperty("basedir", System.getProperty("user.dir"));
    Path shared = Path.of(System.getProperty("winnow.shared",
        Path.of(base).toAbsolutePath().getParent().resolve("../shared").toString()));
    Path file = shared.resolve("data/warc").resolve(name).normalize();
    Assumptions.assumeTrue(Files.isRegularFile(file),
        "real crawl " + file + " is not present (shared/data/warc is not beside the repo); skipped");
    return file;
  }

  private static String memberHead(byte[] bytes, long offset) throws IOException {
    try (InputStream in = new GZIPInputStream(
        new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset))) {
      return new String(in.readNBytes(2048), StandardCharsets.ISO_8859_1);
    }
  }

  /** The outcomes as plain jwarc plus the extractor say they should be. */
  private static Ledger independentCount(Path file) throws IOException {
    Map<String, Long> removed = new TreeMap<>();
    Map<String, Long> rejected = new TreeMap<>();
    long kept = 0;
    try (WarcReader reader = new WarcReader(file)) {
      for (WarcRecord r : reader) {
        if (r instanceof WarcRevisit) {
          removed.merge("revisit", 1L, Long::sum);
        } else if (r instanceof WarcConversion c) {
          String text = new String(c.body().stream().readAllBytes(), StandardCharsets.UTF_8);
          kept += text.isBlank() ? 0 : 1;
          if (text.isBlank()) {
            removed.merge("no_main_text", 1L, Long::sum);
          }
        } else if (r instanceof WarcResponse resp) {
          if (!resp.contentType().base().toString().equals("application/http")) {
            rejected.merge("unsupported_content_type", 1L, Long::sum);
            continue;
          }
          HttpResponse http = resp.http();
          if (http.status() / 100 != 2) {
            removed.merge("http_status", 1L, Long::sum);
            continue;
          }
          String type = http.headers().first("Content-Type").orElse("")
              .split(";")[0].trim().toLowerCase(Locale.ROOT);
          boolean html = type.equals("text/html") || type.equals("application/xhtml+xml");
          if (!html && !type.equals("text/plain")) {
            rejected.merge("unsupported_content_type", 1L, Long::sum);
            continue;
          }
          byte[] body = http.body().stream().readAllBytes();
          String text = decode(body, http.headers().first("Content-Type").orElse(""));
          boolean blank;
          try {
            blank = html ? extractor.extract(text, resp.target()).text().isBlank() : text.isBlank();
          } catch (ExtractionTimeoutException e) {
            throw new AssertionError(e);
          }
          if (blank) {
            removed.merge("no_main_text", 1L, Long::sum);
          } else {
            kept++;
          }
        }
      }
    }
    Ledger ledger = new Ledger(WarcIngester.STAGE);
    ledger.count(Fate.KEPT, "", kept);
    removed.forEach((k, v) -> ledger.count(Fate.REMOVED, k, v));
    rejected.forEach((k, v) -> ledger.count(Fate.REJECTED, k, v));
    return ledger;
  }

  private static String decode(byte[] body, String contentType) {
    Optional<String> label = Optional.empty();
    Matcher header = Pattern.compile("charset=([^;\\s]+)", Pattern.CASE_INSENSITIVE)
        .matcher(contentType);
    if (header.find()) {
      label = Optional.of(header.group(1));
    } else {
      Matcher meta = META_CHARSET.matcher(new String(body, 0, Math.min(body.length, 4096),
          StandardCharsets.ISO_8859_1));
      if (meta.find()) {
        label = Optional.of(meta.group(1));
      }
    }
    Charset cs = StandardCharsets.UTF_8;
    try {
      if (label.isPresent()) {
        cs = Charset.forName(label.get());
      }
    } catch (IllegalArgumentException e) {
      cs = StandardCharsets.UTF_8;
    }
    return new String(body, cs);
  }
}
