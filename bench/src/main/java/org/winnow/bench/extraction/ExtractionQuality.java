package org.winnow.bench.extraction;

import java.util.List;
import java.util.Locale;
import org.winnow.ingest.html.DevPages;
import org.winnow.ingest.html.SnippetScore;

/**
 * Precision, recall and F of main-text extraction on the extraction-dev pages, ours and the
 * references in one run, scored as trafilatura scores them ({@link SnippetScore}). Also prints
 * each extractor's pages per second on this single first pass (JIT warm-up included; the JMH
 * {@link ExtractionBenchmark} measures steady state).
 *
 * <p>Usage: {@code java -cp ... org.winnow.bench.extraction.ExtractionQuality}
 * [{@code -Dwinnow.extraction.dev=DIR}].
 */
public final class ExtractionQuality {
  private ExtractionQuality() {}

  public static void main(String[] args) {
    List<DevPages.Page> pages = DevPages.load(DevPages.locate());
    System.out.printf(Locale.ROOT, "extraction-dev: %d pages%n", pages.size());
    for (Extractors extractor : Extractors.values()) {
      SnippetScore score = new SnippetScore();
      int failures = 0;
      long start = System.nanoTime();
      for (DevPages.Page page : pages) {
        String text;
        try {
          text = extractor.extract(page.html(), page.url());
        } catch (Exception | StackOverflowError e) {
          // As trafilatura's harness does: a crash is a page with nothing extracted.
          text = null;
          failures++;
        }
        score.add(page, text);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%-30s %s  failures %d  first pass %.0f pages/s%n",
          extractor.label(), score, failures, pages.size() / seconds);
    }
  }
}
