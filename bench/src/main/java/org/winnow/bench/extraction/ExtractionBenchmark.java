package org.winnow.bench.extraction;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.winnow.ingest.html.DevPages;
import org.winnow.ingest.html.ExtractedPage;
import org.winnow.ingest.html.ExtractionConfig;
import org.winnow.ingest.html.ExtractionTimeoutException;
import org.winnow.ingest.html.MainTextExtractor;

/**
 * Pages per second on one thread over the extraction-dev pages: our extractor against jsoup's
 * parse plus {@code Document.text()}, the floor any jsoup-based extractor pays, and readability4j.
 * Each invocation extracts the next page, cycling through all of them, so a score in ops/s is
 * pages/s over the mix of the data set.
 *
 * <p>Run: {@code java -cp bench/target/classes:$(cat bench/target/bench-classpath.txt)
 * org.openjdk.jmh.Main ExtractionBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ExtractionBenchmark {
  private String[] html;
  private String[] urls;
  private int next;
  // A generous budget: a page that a slow moment of a shared machine pushes past the default
  // two seconds must be measured, not thrown away.
  private final MainTextExtractor extractor = new MainTextExtractor(
      ExtractionConfig.defaults().withTimeBudget(Duration.ofMinutes(10)));

  @Setup
  public void load() {
    List<DevPages.Page> pages = DevPages.load(DevPages.locate());
    html = pages.stream().map(DevPages.Page::html).toArray(String[]::new);
    urls = pages.stream().map(DevPages.Page::url).toArray(String[]::new);
  }

  private int nextPage() {
    int page = next;
    next = page + 1 == html.length ? 0 : page + 1;
    return page;
  }

  @Benchmark
  public ExtractedPage winnow() throws ExtractionTimeoutException {
    int page = nextPage();
    return extractor.extract(html[page], urls[page]);
  }

  @Benchmark
  public String jsoupParseAndText() {
    int page = nextPage();
    Document document = Jsoup.parse(html[page], urls[page]);
    return document.text();
  }

  @Benchmark
  public String readability4j() {
    int page = nextPage();
    return new Readability4J(urls[page], html[page]).parse().getTextContent();
  }
}
