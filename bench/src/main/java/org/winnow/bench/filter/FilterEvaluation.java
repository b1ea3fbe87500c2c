package org.winnow.bench.filter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.winnow.core.Document;
import org.winnow.filter.Evaluation;
import org.winnow.filter.FilterConfig;
import org.winnow.filter.FilterPipeline;
import org.winnow.filter.classify.BinaryEvaluation;
import org.winnow.filter.classify.ClassifierTrainer;
import org.winnow.filter.classify.LabeledText;
import org.winnow.filter.classify.QualityClassifier;
import org.winnow.filter.classify.TrainingSettings;
import org.winnow.filter.classify.WordHasher;
import org.winnow.filter.clean.C4LineCleaner;
import org.winnow.filter.pii.PiiRedactor;
import org.winnow.filter.pii.PiiScanner;
import org.winnow.filter.signals.SignalFamily;
import org.winnow.filter.signals.SignalValues;
import org.winnow.filter.signals.TextProfile;
import org.winnow.filter.signals.TextProfiler;

/**
 * The filter stage's quality figures for BENCHMARKS.md, printed as Markdown: the share of
 * documents each default rule removes (as the first failing rule, and alone) on Europarl and on
 * real web pages, and the quality classifier's accuracy and AUROC on held-out sets. Builds the
 * document caches the JMH benchmark reads, when they are missing.
 *
 * <p>Run: {@code bench/filter.sh}; once it has built them, also {@code java -cp
 * bench/target/filter-classes:$(cat
 * bench/target/filter-bench-classpath.txt) org.winnow.bench.filter.FilterEvaluation}
 */
public final class FilterEvaluation {
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");

  private FilterEvaluation() {}

  public static void main(String[] args) {
    List<Document> europarl = DocumentCache.read("europarl");
    List<Document> web = DocumentCache.read("web");
    FilterDocuments documents = new FilterDocuments();

    FilterPipeline pipeline = new FilterPipeline(FilterConfig.defaults());
    System.out.println("### Default rules on Europarl fragments (" + europarl.size() + ")\n");
    ruleTable(pipeline, europarl);

    List<Document> whole = new ArrayList<>();
    for (Document d : europarl) {
      String text = EuroparlSentences.whole(d.text());
      if (SENTENCE_END.matcher(text).results().count() >= 5) {
        whole.add(documents.document("europarl", d.url(), text));
      }
    }
    System.out.println("### Default rules on Europarl, whole sentences, at least five ("
        + whole.size() + ")\n");
    ruleTable(pipeline, whole);

    System.out.println("### Default rules on the web pages of shared/data (" + web.size()
        + ")\n");
    ruleTable(pipeline, web);
    Map<String, int[]> bySource = new TreeMap<>();
    for (Document d : web) {
      int[] c = bySource.computeIfAbsent(d.source(), k -> new int[2]);
      c[0]++;
      c[1] += pipeline.evaluate(d).kept() ? 1 : 0;
    }
    System.out.println("| source | documents | kept |\n| --- | --- | --- |");
    bySource.forEach((s, c) -> System.out.println("| " + s + " | " + c[0] + " | " + c[1] + " |"));
    System.out.println();

    classifier(europarl, web);
    throughput(pipeline, europarl, "Europarl fragments");
    throughput(pipeline, web, "web pages");
    System.out.println();
    shares(europarl.subList(0, 3000), "Europarl fragments (first 3,000)");
    shares(web, "web pages");
  }

  /**
   * CPU time per document of each part of the pipeline, as a share of the whole: the best of
   * five passes each, on one thread. CPU time, because on a shared machine wall time mostly
   * measures the neighbours.
   */
  private static void shares(List<Document> docs, String name) {
    FilterConfig config = FilterConfig.defaults();
    FilterPipeline pipeline = new FilterPipeline(config);
    TextProfiler profiler = new TextProfiler();
    TextProfile[] profiles = new TextProfile[docs.size()];
    for (int i = 0; i < profiles.length; i++) {
      profiles[i] = new TextProfiler().profile(docs.get(i).text(), docs.get(i).lang());
    }
    C4LineCleaner cleaner = config.cleaner().orElseThrow();
    PiiRedactor redactor = new PiiRedactor(PiiScanner.all());
    SignalValues values = new SignalValues();
    Map<String, Double> micros = new LinkedHashMap<>();
    micros.put("whole pipeline", cpuMicrosPerDoc(docs.size(), () -> {
      for (Document d : docs) {
        pipeline.evaluate(d);
      }
    }));
    micros.put("profile (character pass + words)", cpuMicrosPerDoc(docs.size(), () -> {
      for (Document d : docs) {
        profiler.profile(d.text(), d.lang());
      }
    }));
    micros.put("line cleaning", cpuMicrosPerDoc(docs.size(), () -> {
      for (TextProfile p : profiles) {
        cleaner.clean(p);
      }
    }));
    for (SignalFamily f : SignalFamily.all()) {
      micros.put("signals: " + f.name(), cpuMicrosPerDoc(docs.size(), () -> {
        for (TextProfile p : profiles) {
          f.compute(p, values);
        }
      }));
    }
    micros.put("PII redaction", cpuMicrosPerDoc(docs.size(), () -> {
      for (Document d : docs) {
        redactor.redact(d.text());
      }
    }));
    double whole = micros.get("whole pipeline");
    System.out.printf(Locale.ROOT, "%nCPU time per document, %s: %.0f documents/s on one core "
        + "for the whole pipeline%n%n| part | µs per document | share |%n| --- | --- | --- |%n",
        name, 1e6 / whole);
    micros.forEach((part, us) -> System.out.printf(Locale.ROOT, "| %s | %.1f | %.0f%% |%n", part,
        us, 100 * us / whole));
  }

  private static double cpuMicrosPerDoc(int docs, Runnable pass) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    pass.run();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      pass.run();
      best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
    }
    return best / 1e3 / docs;
  }

  private static void ruleTable(FilterPipeline pipeline, List<Document> docs) {
    Map<String, Integer> first = new TreeMap<>();
    Map<String, Integer> alone = new TreeMap<>();
    int kept = 0;
    int modified = 0;
    Map<String, Integer> pii = new TreeMap<>();
    for (Document d : docs) {
      Evaluation e = pipeline.evaluate(d);
      e.removedBy().ifPresent(r -> first.merge(r, 1, Integer::sum));
      e.failedRules().forEach(r -> alone.merge(r, 1, Integer::sum));
      if (e.kept()) {
        kept++;
        modified += e.cleaning().changed() || !e.pii().isEmpty() ? 1 : 0;
        e.pii().forEach((k, v) -> pii.merge(k, v, Integer::sum));
      }
    }
    int n = docs.size();
    System.out.println("| rule | removed (first failing) | would remove alone |");
    System.out.println("| --- | --- | --- |");
    for (String rule : pipeline.ruleNames()) {
      int f = first.getOrDefault(rule, 0);
      int a = alone.getOrDefault(rule, 0);
      if (f > 0 || a > 0) {
        System.out.printf(Locale.ROOT, "| %s | %d (%.2f%%) | %d (%.2f%%) |%n", rule, f,
            100.0 * f / n, a, 100.0 * a / n);
      }
    }
    System.out.printf(Locale.ROOT, "| **kept** | %d (%.2f%%) | modified: %d, PII matches: %s |%n%n",
        kept, 100.0 * kept / n, modified, pii);
  }

  /**
   * DCLM's recipe at small scale: reference text (Europarl paragraphs) against random web text
   * (every line of the WARC pages as a browser shows them: navigation, footers, link lists, spam
   * keyword blocks, and whatever main text they hold), plus word salad (Europarl paragraphs with
   * their words shuffled, the classic spam-generator output). Trained on even Europarl fragments
   * and even pages; tested on the odd ones, and on trafilatura's hand-labelled main-text
   * ("with") against boilerplate ("without") snippets of 105 other sites.
   */
  private static void classifier(List<Document> europarl, List<Document> web) {
    SplittableRandom random = new SplittableRandom(7);
    List<LabeledText> train = new ArrayList<>();
    List<LabeledText> test = new ArrayList<>();
    int salad = 0;
    for (int i = 0; i < europarl.size(); i++) {
      List<LabeledText> into = i % 2 == 0 ? train : test;
      for (String para : europarl.get(i).text().split("\n")) {
        if (para.split(" ").length < 8) {
          continue;
        }
        into.add(new LabeledText(para, true));
        if (random.nextInt(10) == 0) {
          into.add(new LabeledText(shuffle(para, random), false));
          salad++;
        }
      }
    }
    int webLines = 0;
    int page = 0;
    for (List<String> lines : FilterDocuments.wholePageLines().values()) {
      List<LabeledText> into = page++ % 2 == 0 ? train : test;
      for (String line : lines) {
        into.add(new LabeledText(line, false));
        webLines++;
      }
    }
    Collections.shuffle(train, new Random(1));
    long t0 = System.nanoTime();
    QualityClassifier model = new ClassifierTrainer(TrainingSettings.DEFAULTS).train(train.iterator());
    double seconds = (System.nanoTime() - t0) / 1e9;
    long positives = train.stream().filter(LabeledText::positive).count();
    System.out.printf(Locale.ROOT, "### Quality classifier%n%nTraining set: %d examples, %d "
        + "positive (Europarl paragraphs of 8+ words, even fragments), %d negative (lines of "
        + "the even WARC pages, whole page; word-shuffled paragraphs); %d page lines from %d "
        + "pages and %d shuffled paragraphs in train and test together. Settings %s; trained "
        + "in %.1f s.%n%n", train.size(), positives, train.size() - positives, webLines, page,
        salad, TrainingSettings.DEFAULTS, seconds);
    System.out.println("| held-out set | positives | negatives | accuracy | AUROC |");
    System.out.println("| --- | --- | --- | --- | --- |");
    WordHasher hasher = new WordHasher();
    row("odd Europarl fragments vs. odd pages' lines + shuffled", test, model, hasher);
    List<LabeledText> snippets = new ArrayList<>();
    FilterDocuments.snippets("with").forEach(s -> snippets.add(new LabeledText(s, true)));
    FilterDocuments.snippets("without").forEach(s -> snippets.add(new LabeledText(s, false)));
    row("trafilatura snippets: main text vs. boilerplate", snippets, model, hasher);
    double[] webScores = web.stream().mapToDouble(d -> model.score(d.text(), hasher)).toArray();
    System.out.printf(Locale.ROOT, "%nTop-10%% cut-off over the %d ingested web pages: score "
        + ">= %.4f (keeps %d).%n%n", webScores.length,
        BinaryEvaluation.thresholdForTop(webScores, 0.1), (int) Math.ceil(0.1 * webScores.length));
  }

  private static void row(String name, List<LabeledText> set, QualityClassifier model,
      WordHasher hasher) {
    double[] scores = new double[set.size()];
    boolean[] labels = new boolean[set.size()];
    for (int i = 0; i < set.size(); i++) {
      scores[i] = model.score(set.get(i).text(), hasher);
      labels[i] = set.get(i).positive();
    }
    BinaryEvaluation e = BinaryEvaluation.of(scores, labels);
    System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f |%n", name, e.positives(),
        e.negatives(), e.accuracy(), e.auroc());
  }

  private static String shuffle(String text, SplittableRandom random) {
    String[] w = text.split(" ");
    for (int i = w.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = w[i];
      w[i] = w[j];
      w[j] = t;
    }
    return String.join(" ", w);
  }

  /** A plain single-thread pass, CPU time, as a cross-check of the JMH figure. */
  private static void throughput(FilterPipeline pipeline, List<Document> docs, String name) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long bytes = 0;
    for (Document d : docs) {
      bytes += d.text().getBytes(StandardCharsets.UTF_8).length;
    }
    double best = Double.MAX_VALUE;
    for (int pass = 0; pass < 5; pass++) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (Document d : docs) {
        pipeline.evaluate(d);
      }
      best = Math.min(best, (threads.getCurrentThreadCpuTime() - t0) / 1e9);
    }
    System.out.printf(Locale.ROOT, "%s: %d documents, %.1f MB, best of 5 passes %.2f s CPU: "
        + "%.0f documents/s, %.1f MB/s on one core%n", name, docs.size(), bytes / 1e6, best,
        docs.size() / best, bytes / 1e6 / best);
  }
}
