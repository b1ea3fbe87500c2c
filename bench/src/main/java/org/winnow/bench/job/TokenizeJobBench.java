package org.winnow.bench.job;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.winnow.jobs.quickstart.EuroparlDocument;
import org.winnow.jobs.quickstart.EuroparlReader;
import org.winnow.jobs.spark.CommonPool;
import org.winnow.jobs.spark.ProcessCpu;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;
import org.winnow.jobs.tokenize.TokenizeJob;
import org.winnow.jobs.tokenize.TokenizeReport;
import org.winnow.jobs.tokenize.TokenizeSpec;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.Tokenizers;

/**
 * MB of text per second of the tokenize Spark job in {@code local[N]} against the single-threaded
 * encoder over the same documents (the Europarl sample), in one JVM and one run, and their ratio.
 *
 * <p>As {@link IngestJobBench}: both sides warmed up first, then rounds that alternate which side
 * goes first, the median round reported with the cores the process actually got in each phase
 * (CPU time over wall time). The job's time is the whole forced rerun: read Parquet, encode,
 * write shards and {@code _rejected/} from each task, rename them, manifest, ledger and commit. Session start-up and the cold first
 * job are reported separately.
 *
 * <p>Usage: {@code TokenizeJobBench [--vocab PATH] [--copies N] [--cores N] [--rounds N]
 * [--warmup N] [--work DIR]}; {@code --warmup} runs the job that many times more before the
 * rounds; the vocabulary defaults to GPT-2's in {@code ../shared/data/bpe-gpt2}.
 */
public final class TokenizeJobBench {
  private TokenizeJobBench() {}

  public static void main(String[] args) throws Exception {
    CommonPool.oneWorkerPerCore();
    Path vocab = Path.of(option(args, "--vocab", "../shared/data/bpe-gpt2")).toAbsolutePath();
    int copies = Integer.parseInt(option(args, "--copies", "1"));
    int cores = Integer.parseInt(option(args, "--cores", "2"));
    int rounds = Integer.parseInt(option(args, "--rounds", "3"));
    int warmup = Integer.parseInt(option(args, "--warmup", "3"));
    Path work = Path.of(option(args, "--work", "winnow-work/bench")).toAbsolutePath();
    PrintWriter err = new PrintWriter(System.err, true);

    List<String> texts = new ArrayList<>();
    for (int c = 0; c < copies; c++) {
      for (EuroparlDocument d : EuroparlReader.read(EuroparlReader.SIZE)) {
        texts.add(d.text());
      }
    }
    long bytes = 0;
    for (String t : texts) {
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    Tokenizer tokenizer = Tokenizers.open(vocab);
    say("input: %,d Europarl documents, %.1f MB of text; vocabulary %s (%s)", texts.size(),
        bytes / 1e6, tokenizer.identity().name(), vocab);

    long t = System.nanoTime();
    long tokens = encodeAll(tokenizer, texts);
    say("encoder, warm-up: %.1f s", secs(t));

    t = System.nanoTime();
    SessionLease lease = SparkSessions.open("winnow tokenize bench",
        Optional.of("local[" + cores + "]"), Map.of("spark.ui.enabled", "false"));
    double startup = secs(t);
    say("SparkSession local[%d] start-up: %.1f s", cores, startup);

    try (lease) {
      Path docs = work.resolve("tokenize-docs");
      DocumentParquet.write(lease.session(), texts, "europarl", docs, cores * 4);
      TokenizeJob job = new TokenizeJob(lease.session(), err);
      TokenizeSpec spec = TokenizeSpec.of(List.of(docs.toString()),
          work.resolve("tokenize-shards").toString(), vocab.toString()).withForce(true);
      TokenizeReport cold = job.run(spec);
      say("job, first run: %.1f s (%s MB/s)", cold.elapsedSeconds(), fmt(cold.mbPerSecond()));
      check(tokens + texts.size(), cold.tokens());

      JobDuel.warmUp(warmup, () -> job.run(spec).elapsedSeconds());
      List<double[]> results = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        double loopRate = 0;
        double loopCores = 0;
        double jobRate = 0;
        double jobCores = 0;
        double parallelRate = 0;
        for (int i = 0; i < 3; i++) {
          int side = (i + r) % 3;
          double cpu = ProcessCpu.seconds();
          t = System.nanoTime();
          if (side == 0) {
            check(tokens, encodeAll(tokenizer, texts));
            loopRate = bytes / 1e6 / secs(t);
            loopCores = (ProcessCpu.seconds() - cpu) / secs(t);
          } else if (side == 1) {
            TokenizeReport run = job.run(spec);
            check(tokens + texts.size(), run.tokens());
            jobRate = run.mbPerSecond();
            jobCores = (ProcessCpu.seconds() - cpu) / secs(t);
          } else {
            check(tokens, encodeOnThreads(tokenizer, texts, cores));
            parallelRate = bytes / 1e6 / secs(t);
          }
        }
        results.add(new double[] {jobRate / loopRate, loopRate, jobRate, loopCores, jobCores,
            parallelRate});
        say("round %d: encoder %s MB/s on %.2f cores, job %s MB/s on %.2f cores, ratio %.2fx "
            + "(per CPU-s %.2fx); encoder on %d threads %s MB/s (%.2fx one thread)", r + 1,
            fmt(loopRate), loopCores, fmt(jobRate), jobCores, jobRate / loopRate,
            (jobRate / jobCores) / (loopRate / loopCores), cores, fmt(parallelRate),
            parallelRate / loopRate);
      }
      results.sort((a, b) -> Double.compare(a[0], b[0]));
      double[] median = results.get(results.size() / 2);
      say("");
      say("## Tokenize job, %s, %d cores available, median of %d rounds", LocalDate.now(),
          Runtime.getRuntime().availableProcessors(), rounds);
      say("documents / tokens         %,d / %,d (end-of-text included)", texts.size(),
          tokens + texts.size());
      say("encoder (1 thread)         %s MB/s (process used %.2f cores, %s MB per CPU-s)",
          fmt(median[1]), median[3], fmt(median[1] / median[3]));
      say("tokenize job (local[%d])    %s MB/s (process used %.2f cores, %s MB per CPU-s)",
          cores, fmt(median[2]), median[4], fmt(median[2] / median[4]));
      say("ratio job / encoder        %.2fx (rounds: %s)", median[0], ratios(results));
      say("encoder on %d threads       %s MB/s: %.2fx one thread, the machine's ceiling for a "
          + "job on %d cores; the job reaches %.2f of it", cores, fmt(median[5]),
          median[5] / median[1], cores, median[2] / median[5]);
      say("session start-up           %.1f s (not in the job time)", startup);
    }
  }

  private static long encodeAll(Tokenizer tokenizer, List<String> texts) {
    long n = 0;
    for (String text : texts) {
      n += tokenizer.encode(text).length;
    }
    return n;
  }

  /** The encoder on {@code threads} threads, each over every {@code threads}-th document. */
  private static long encodeOnThreads(Tokenizer tokenizer, List<String> texts, int threads)
      throws Exception {
    List<Future<Long>> parts = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(threads);
    try {
      for (int k = 0; k < threads; k++) {
        int first = k;
        parts.add(pool.submit(() -> {
          long n = 0;
          for (int i = first; i < texts.size(); i += threads) {
            n += tokenizer.encode(texts.get(i)).length;
          }
          return n;
        }));
      }
      long n = 0;
      for (Future<Long> f : parts) {
        n += f.get();
      }
      return n;
    } finally {
      pool.shutdown();
    }
  }

  private static void check(long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException("runs disagree on the token count: " + expected + " vs "
          + actual);
    }
  }

  private static String ratios(List<double[]> results) {
    List<String> r = new ArrayList<>();
    for (double[] x : results) {
      r.add(String.format(Locale.ROOT, "%.2f", x[0]));
    }
    Collections.sort(r);
    return String.join(", ", r);
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%,.1f", x);
  }

  static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
    System.out.flush();
  }
}
