package org.winnow.bench.filter;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.winnow.core.Document;
import org.winnow.filter.Evaluation;
import org.winnow.filter.FilterConfig;
import org.winnow.filter.FilterPipeline;
import org.winnow.filter.clean.C4LineCleaner;
import org.winnow.filter.clean.CleanResult;
import org.winnow.filter.pii.PiiRedactor;
import org.winnow.filter.pii.PiiScanner;
import org.winnow.filter.pii.Redaction;
import org.winnow.filter.signals.SignalFamily;
import org.winnow.filter.signals.SignalValues;
import org.winnow.filter.signals.TextProfile;
import org.winnow.filter.signals.TextProfiler;

/**
 * Documents per second on one thread for the filter stage over real documents, and the parts
 * of it: each invocation handles the next document of the corpus, cycling, so ops/s is
 * documents/s over the corpus' mix.
 *
 * <ul>
 *   <li>{@code pipeline}: the whole default rule set: profile, C4 line cleaning (with the
 *       cleaned text's profile derived), every signal, every rule, PII redaction of kept text.
 *   <li>{@code profile}: the one pass over characters and the word segmentation.
 *   <li>{@code family}: one signal family over ready profiles (one profiler per document).
 *   <li>{@code clean}, {@code pii}: line cleaning over ready profiles; PII over the texts.
 * </ul>
 *
 * <p>Run: {@code bench/filter.sh}; once it has built them, also {@code java -cp
 * bench/target/filter-classes:$(cat
 * bench/target/filter-bench-classpath.txt) org.openjdk.jmh.Main FilterBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class FilterBenchmark {
  /** "europarl": the first 3,000 fragments; "web": every ingested page of shared/data. */
  @Param({"europarl", "web"})
  public String corpus;

  @Param({"text"})
  public String family;

  private Document[] docs;
  private FilterPipeline pipeline;
  private TextProfiler profiler;
  private TextProfile[] profiles;
  private SignalFamily signalFamily;
  private final SignalValues values = new SignalValues();
  private C4LineCleaner cleaner;
  private PiiRedactor redactor;
  private int next;

  @Setup
  public void load() {
    List<Document> all = DocumentCache.read(corpus);
    docs = all.subList(0, Math.min(all.size(), 3000)).toArray(Document[]::new);
    FilterConfig config = FilterConfig.defaults();
    pipeline = new FilterPipeline(config);
    profiler = new TextProfiler();
    cleaner = config.cleaner().orElseThrow();
    redactor = new PiiRedactor(PiiScanner.all());
    signalFamily = SignalFamily.all().stream().filter(f -> f.name().equals(family)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no signal family " + family));
    profiles = new TextProfile[docs.length];
    for (int i = 0; i < docs.length; i++) {
      profiles[i] = new TextProfiler().profile(docs[i].text(), docs[i].lang());
    }
  }

  private int nextDoc() {
    int i = next;
    next = i + 1 == docs.length ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public Evaluation pipeline() {
    return pipeline.evaluate(docs[nextDoc()]);
  }

  @Benchmark
  public TextProfile profile() {
    Document d = docs[nextDoc()];
    return profiler.profile(d.text(), d.lang());
  }

  @Benchmark
  public SignalValues family() {
    signalFamily.compute(profiles[nextDoc()], values);
    return values;
  }

  @Benchmark
  public CleanResult clean() {
    return cleaner.clean(profiles[nextDoc()]);
  }

  @Benchmark
  public Redaction pii() {
    return redactor.redact(docs[nextDoc()].text());
  }
}
