package org.winnow.bench.job;

import it.unimi.dsi.fastutil.ints.IntArrayList;
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
import org.winnow.jobs.decontam.HeldoutNgramOverlap;
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
 * The encoder reads the documents' UTF-8 bytes from memory ({@code Tokenizer.encodeUtf8}), its
 * fastest path and the one the job's tasks take; the encoder over the same text as Java strings
 * is timed in each round too.
 *
 * <p>As {@link IngestJobBench}: both sides warmed up first, then rounds that alternate which side
 * goes first, the median round reported with the cores the process actually got in each phase
 * (CPU time over wall time). The job's time is the whole forced rerun: read Parquet, encode,
 * write shards and {@code _rejected/} from each task, rename them, manifest, ledger and commit. Session start-up and the cold first
 * job are reported separately.
 *
 * <p>Usage: {@code TokenizeJobBench [--vocab PATH] [--copies N] [--cores N] [--rounds N]
 * [--warmup N] [--decontaminate-ngrams N] [--work DIR]}; {@code --warmup} (default 15) runs the
 * job that many times more before the rounds: its runs are short, and on 231 MB they kept getting
 * faster until about the twelfth (about 4.5 s, then 3.6–3.9 s; BENCHMARKS.md);
 * {@code --decontaminate-ngrams} (default 0, off) turns on the held-out decontamination pass that
 * the CLI runs by default with 13; the vocabulary defaults to GPT-2's in
 * {@code ../shared/data/bpe-gpt2}.
 */
public final class TokenizeJobBench {
  private TokenizeJobBench() {}

  public static void main(String[] args) throws Exception {
    CommonPool.oneWorkerPerCore();
    Path vocab = Path.of(option(args, "--vocab", "../shared/data/bpe-gpt2")).toAbsolutePath();
    int copies = Integer.parseInt(option(args, "--copies", "1"));
    int cores = Integer.parseInt(option(args, "--cores", "2"));
    int rounds = Integer.parseInt(option(args, "--rounds", "3"));
    int warmup = Integer.parseInt(option(args, "--warmup", "15"));
    // Off by default: the figure is the encoding job; the CLI's default (13) adds a pass.
    int decontaminateNgrams = Integer.parseInt(option(args, "--decontaminate-ngrams", "0"));
    Path work = Path.of(option(args, "--work", "winnow-work/bench")).toAbsolutePath();
    PrintWriter err = new PrintWriter(System.err, true);

    List<String> texts = new ArrayList<>();
    for (int c = 0; c < copies; c++) {
      for (EuroparlDocument d : EuroparlReader.read(EuroparlReader.SIZE)) {
        texts.add(d.text());
      }
    }
    // The reference reads the text as the job does, UTF-8 bytes, through the encoder's fastest
    // single-threaded path; the string loop is reported beside it.
    byte[][] utf8 = new byte[texts.size()][];
    long bytes = 0;
    for (int i = 0; i < utf8.length; i++) {
      utf8[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
      bytes += utf8[i].length;
    }
    Tokenizer tokenizer = Tokenizers.open(vocab);
    say("input: %,d Europarl documents, %.1f MB of text; vocabulary %s (%s)", texts.size(),
        bytes / 1e6, tokenizer.identity().name(), vocab);

    long t = System.nanoTime();
    long tokens = encodeAll(tokenizer, utf8);
    check(tokens, encodeStrings(tokenizer, texts));
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
      TokenizeSpec plain = TokenizeSpec.of(List.of(docs.toString()),
          work.resolve("tokenize-shards").toString(), vocab.toString()).withForce(true);
      TokenizeSpec spec = decontaminateNgrams > 0
          ? plain.withDecontamination(new HeldoutNgramOverlap(decontaminateNgrams, 1))
          : plain;
      say("held-out decontamination: %s", decontaminateNgrams > 0
          ? decontaminateNgrams + "-gram shingles" : "off");
      TokenizeReport cold = job.run(spec);
      say("job, first run: %.1f s (%s MB/s)", cold.elapsedSeconds(), fmt(cold.mbPerSecond()));
      checkJob(tokens + texts.size(), cold, spec);

      JobDuel.warmUp(warmup, () -> job.run(spec).elapsedSeconds());
      List<double[]> results = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        double loopRate = 0;
        double loopCores = 0;
        double jobRate = 0;
        double jobCores = 0;
        double parallelRate = 0;
        double stringRate = 0;
        for (int i = 0; i < 4; i++) {
          int side = (i + r) % 4;
          double cpu = ProcessCpu.seconds();
          t = System.nanoTime();
          if (side == 0) {
            check(tokens, encodeAll(tokenizer, utf8));
            loopRate = bytes / 1e6 / secs(t);
            loopCores = (ProcessCpu.seconds() - cpu) / secs(t);
          } else if (side == 1) {
            TokenizeReport run = job.run(spec);
            checkJob(tokens + texts.size(), run, spec);
            // Every input byte, removed documents included: the job read and tested them all.
            jobRate = bytes / 1e6 / run.elapsedSeconds();
            jobCores = (ProcessCpu.seconds() - cpu) / secs(t);
          } else if (side == 2) {
            check(tokens, encodeOnThreads(tokenizer, utf8, cores));
            parallelRate = bytes / 1e6 / secs(t);
          } else {
            check(tokens, encodeStrings(tokenizer, texts));
            stringRate = bytes / 1e6 / secs(t);
          }
        }
        results.add(new double[] {jobRate / loopRate, loopRate, jobRate, loopCores, jobCores,
            parallelRate, stringRate});
        say("round %d: encoder %s MB/s on %.2f cores, job %s MB/s on %.2f cores, ratio %.2fx "
            + "(per CPU-s %.2fx); encoder on %d threads %s MB/s (%.2fx one thread); encoder "
            + "from strings %s MB/s (job %.2fx)", r + 1,
            fmt(loopRate), loopCores, fmt(jobRate), jobCores, jobRate / loopRate,
            (jobRate / jobCores) / (loopRate / loopCores), cores, fmt(parallelRate),
            parallelRate / loopRate, fmt(stringRate), jobRate / stringRate);
      }
      results.sort((a, b) -> Double.compare(a[0], b[0]));
      double[] median = results.get(results.size() / 2);
      say("");
      say("## Tokenize job, %s, %d cores available, median of %d rounds", LocalDate.now(),
          Runtime.getRuntime().availableProcessors(), rounds);
      say("documents / tokens         %,d / %,d (end-of-text included)", texts.size(),
          tokens + texts.size());
      say("encoder (1 thread, UTF-8)  %s MB/s (process used %.2f cores, %s MB per CPU-s)",
          fmt(median[1]), median[3], fmt(median[1] / median[3]));
      say("tokenize job (local[%d])    %s MB/s (process used %.2f cores, %s MB per CPU-s)",
          cores, fmt(median[2]), median[4], fmt(median[2] / median[4]));
      say("ratio job / encoder        %.2fx (rounds: %s)", median[0], ratios(results));
      say("encoder on %d threads       %s MB/s: %.2fx one thread, the machine's ceiling for a "
          + "job on %d cores; the job reaches %.2f of it", cores, fmt(median[5]),
          median[5] / median[1], cores, median[2] / median[5]);
      say("encoder from strings       %s MB/s; the job %.2fx that (same round)", fmt(median[6]),
          median[2] / median[6]);
      say("session start-up           %.1f s (not in the job time)", startup);
    }
  }

  /** One thread over the UTF-8 of every document, as the job's tasks encode them. */
  private static long encodeAll(Tokenizer tokenizer, byte[][] utf8) {
    return encodeEvery(tokenizer, utf8, 0, 1);
  }

  private static long encodeEvery(Tokenizer tokenizer, byte[][] utf8, int first, int step) {
    IntArrayList out = new IntArrayList();
    long n = 0;
    for (int i = first; i < utf8.length; i += step) {
      out.clear();
      tokenizer.encodeUtf8(utf8[i], 0, utf8[i].length, out);
      n += out.size();
    }
    return n;
  }

  /** One thread over the documents as strings. */
  private static long encodeStrings(Tokenizer tokenizer, List<String> texts) {
    IntArrayList out = new IntArrayList();
    long n = 0;
    for (String text : texts) {
      out.clear();
      tokenizer.encode(text, out);
      n += out.size();
    }
    return n;
  }

  /** The encoder on {@code threads} threads, each over every {@code threads}-th document. */
  private static long encodeOnThreads(Tokenizer tokenizer, byte[][] utf8, int threads)
      throws Exception {
    List<Future<Long>> parts = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int k = 0; k < threads; k++) {
        int first = k;
        parts.add(pool.submit(() -> encodeEvery(tokenizer, utf8, first, threads)));
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

  /** Without decontamination the job's tokens are the encoder's plus one end-of-text a document. */
  private static void checkJob(long expected, TokenizeReport run, TokenizeSpec spec) {
    if (spec.decontamination().isEmpty()) {
      check(expected, run.tokens());
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
