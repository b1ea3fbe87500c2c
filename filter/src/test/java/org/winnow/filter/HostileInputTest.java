package org.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.winnow.core.Document;
import org.winnow.core.ledger.Ledger;
import org.winnow.filter.classify.ClassifierTrainer;
import org.winnow.filter.classify.LabeledText;
import org.winnow.filter.classify.QualityClassifier;
import org.winnow.filter.classify.TrainingSettings;

/**
 * One-megabyte adversarial documents through the whole default pipeline (cleaning, every
 * signal, every rule, every PII scanner, a quality model): long runs of one character, nested
 * brackets, near-misses of every pattern the filters look for. The issue's figure is 50 ms of
 * CPU time per document (measured ~40 ms at worst, recorded in BENCHMARKS.md); the test allows
 * 150 ms so that a loaded 2-core CI machine cannot make it flaky, while anything super-linear
 * (catastrophic backtracking takes seconds on a megabyte) still fails. CPU time rather than wall
 * time, because this is a statement about work done, not about the scheduler.
 */
class HostileInputTest {
  private static final int MB = 1 << 20;
  private static final long LIMIT_NANOS = 150_000_000L;

  private static Map<String, String> inputs() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String c : List.of("a", " ", "\n", ".", "#", "{", "}", "@", "[", "(", "1", "-", "•",
        "…", "あ", "字", "\uD83D", "😀", "\u200B", "\u202E", ":", "+", "\r", "\u0085", "ก")) {
      m.put("run of " + name(c), repeat(c));
    }
    m.put("nested parentheses", "(".repeat(MB / 2) + ")".repeat(MB / 2));
    m.put("nested mixed brackets", repeat("([{<") + repeat(">}])"));
    m.put("nested brackets", "[".repeat(MB / 2) + "]".repeat(MB / 2));
    m.put("nested braces", "{".repeat(MB / 2) + "}".repeat(MB / 2));
    m.put("one-letter words", repeat("a "));
    m.put("one-letter lines", repeat("a\n"));
    m.put("identical lines", repeat("the same line over and over again.\n"));
    m.put("identical paragraphs", repeat("the same paragraph.\nagain.\n\n"));
    m.put("javascript near-miss", repeat("javascrip "));
    m.put("lorem near-miss", repeat("lorem ipsu "));
    m.put("policy near-miss", repeat("privacy polic use cooki terms of us "));
    m.put("citation near-miss", repeat("[1 [edi [citation neede "));
    m.put("citation digits", "[" + "1".repeat(MB - 1));
    m.put("e-mail near-miss", repeat("a@b a@b.c @x.com user@ "));
    m.put("e-mail local part", "a".repeat(MB - 10) + "@b.com");
    m.put("e-mail domain", "a@" + "b".repeat(MB - 10) + ".com");
    m.put("e-mail dots", repeat("a.") + "@x.org");
    m.put("ipv4 near-miss", repeat("1.2.3. 256.1.1.1 1.2.3.4.5 "));
    m.put("dotted digits", repeat("1."));
    m.put("ipv6 near-miss", repeat("2001:db8: ::: fe80:: 2001::1:2:3:4:5:6:7:8 "));
    m.put("colons and hex", repeat("a:"));
    m.put("phone near-miss", repeat("+1 555 (555 555-12 "));
    m.put("digit groups", repeat("1 "));
    m.put("card near-miss", repeat("4111 1111 1111 111 "));
    m.put("long digit run", "4".repeat(MB));
    m.put("ellipses", repeat(". . . ... .... "));
    m.put("sentence marks", repeat("a.b!c?d。"));
    m.put("closers", repeat("a.\"'”»)"));
    return m;
  }

  /** {@code unit} repeated to one megabyte of UTF-8, the size a document is stored at. */
  private static String repeat(String unit) {
    return unit.repeat(Math.max(1, MB / utf8Length(unit)));
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String name(String c) {
    return c.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).toList().toString();
  }

  private static QualityClassifier smallModel() {
    List<LabeledText> data = new ArrayList<>();
    data.add(new LabeledText("a clean sentence about the weather today.", true));
    data.add(new LabeledText("buy cheap click here free free free", false));
    return new ClassifierTrainer(new TrainingSettings(16, 2, 0.5, 1)).train(data.iterator());
  }

  @Test
  void everyHostileMegabyteFinishesInLinearTime() {
    FilterPipeline pipeline = new FilterPipeline(FilterConfig.defaults(),
        Optional.of(smallModel()));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Ledger ledger = new Ledger(FilterPipeline.STAGE);
    // Warm the JIT on every input first, so that compilation is not what is measured.
    Map<String, String> inputs = inputs();
    for (String text : inputs.values()) {
      pipeline.evaluate(doc(text.substring(0, text.length() / 4)));
    }
    List<String> slow = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, String> e : inputs.entrySet()) {
      // The best of a few attempts: on a shared machine other processes only ever add time.
      long best = Long.MAX_VALUE;
      for (int attempt = 0; attempt < 5 && best > LIMIT_NANOS * 4 / 5; attempt++) {
        long t0 = threads.getCurrentThreadCpuTime();
        Evaluation ev = pipeline.evaluate(doc(e.getValue()));
        best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
        if (attempt == 0) {
          ledger.record(ev.outcome());
          n++;
        }
      }
      if (best > LIMIT_NANOS) {
        slow.add(e.getKey() + ": " + best / 1_000_000 + " ms");
      }
    }
    assertTrue(slow.isEmpty(), "over " + LIMIT_NANOS / 1_000_000 + " ms of CPU: " + slow);
    assertTrue(ledger.balanced());
    assertEquals(n, ledger.in());
  }

  @Test
  void randomBinaryJunkIsHandled() {
    FilterPipeline pipeline = new FilterPipeline(FilterConfig.defaults());
    SplittableRandom random = new SplittableRandom(7);
    Ledger ledger = new Ledger(FilterPipeline.STAGE);
    for (int i = 0; i < 200; i++) {
      char[] c = new char[random.nextInt(5000)];
      for (int k = 0; k < c.length; k++) {
        c[k] = (char) random.nextInt(i % 2 == 0 ? 0x10000 : 0x80);
      }
      ledger.record(pipeline.evaluate(doc(new String(c))).outcome());
    }
    assertEquals(200, ledger.in());
    assertTrue(ledger.balanced());
  }

  static Document doc(String text) {
    return new Document("id", "https://example.com/", "example.com", "test", Instant.EPOCH, "en",
        0.9, "", text, "test.warc.gz", 0, 0);
  }
}
