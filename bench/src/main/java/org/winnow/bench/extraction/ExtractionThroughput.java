package org.winnow.bench.extraction;

import java.util.List;
import java.util.Locale;
import org.winnow.ingest.html.DevPages;

/**
 * Steady-state pages per second on one thread, the extractors interleaved page by page so that
 * they share whatever load the machine is under: on a shared two-core machine the ratio between
 * them is the figure to trust, where JMH's separate runs of each can meet different neighbours.
 *
 * <p>Usage: {@code java -cp ... org.winnow.bench.extraction.ExtractionThroughput [warmup passes]
 * [measured passes]} (default 3 and 5) [{@code -Dwinnow.extraction.dev=DIR}].
 */
public final class ExtractionThroughput {
  private ExtractionThroughput() {}

  public static void main(String[] args) throws Exception {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<DevPages.Page> pages = DevPages.load(DevPages.locate());
    Extractors[] extractors = Extractors.values();
    long[] nanos = new long[extractors.length];
    long sink = 0;
    for (int pass = 0; pass < warmup + measured; pass++) {
      for (int p = 0; p < pages.size(); p++) {
        DevPages.Page page = pages.get(p);
        for (int k = 0; k < extractors.length; k++) {
          // Rotate who goes first, so that no extractor always runs on a cold cache.
          int e = (k + p + pass) % extractors.length;
          long start = System.nanoTime();
          String text = extractors[e].extract(page.html(), page.url());
          long elapsed = System.nanoTime() - start;
          sink += text == null ? 0 : text.length();
          if (pass >= warmup) {
            nanos[e] += elapsed;
          }
        }
      }
    }
    double floor = 0;
    for (int e = 0; e < extractors.length; e++) {
      if (extractors[e] == Extractors.JSOUP_TEXT) {
        floor = rate(pages.size() * measured, nanos[e]);
      }
    }
    System.out.printf(Locale.ROOT, "%d pages, %d warm-up and %d measured passes, one thread%n",
        pages.size(), warmup, measured);
    for (int e = 0; e < extractors.length; e++) {
      double rate = rate(pages.size() * measured, nanos[e]);
      System.out.printf(Locale.ROOT, "%-30s %7.1f pages/s  %.2f x the jsoup floor%n",
          extractors[e].label(), rate, rate / floor);
    }
    System.out.printf(Locale.ROOT, "(%d characters extracted in all)%n", sink);
  }

  private static double rate(int pages, long nanos) {
    return pages / (nanos / 1e9);
  }
}
