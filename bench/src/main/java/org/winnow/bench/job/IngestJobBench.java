package org.winnow.bench.job;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.winnow.ingest.IngestConfig;
import org.winnow.jobs.ingest.IngestJob;
import org.winnow.jobs.ingest.IngestReport;
import org.winnow.jobs.ingest.IngestSpec;
import org.winnow.jobs.quickstart.EuroparlReader;
import org.winnow.jobs.quickstart.QuickstartCorpus;
import org.winnow.jobs.spark.CommonPool;
import org.winnow.jobs.spark.ProcessCpu;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;

/**
 * Documents per second of the ingest Spark job in {@code local[N]} against the single-threaded
 * library loop over the same quick-start WARC files, in one JVM and one run, and their ratio.
 *
 * <p>Both sides are warmed up first (language models loaded, code compiled). Then each round
 * times the library loop over all files and a forced rerun of the whole job (read, extract,
 * persist, ledger, write Parquet, commit) in the already started SparkSession, alternating which
 * goes first. On a shared machine the load of other processes drifts, so a round's ratio
 * compares neighbours in time, and the median round is reported, with the cores the process
 * actually got in each phase (CPU time over wall time): a ratio below the core count with fewer
 * cores used means the machine, not the job, was the limit. Session start-up and the cold
 * first job are reported separately.
 *
 * <p>Usage: {@code IngestJobBench [--warcs DIR] [--docs N] [--cores N] [--rounds N] [--work DIR]}
 */
public final class IngestJobBench {
  private static final String SOURCE = "europarl";

  private IngestJobBench() {}

  public static void main(String[] args) throws Exception {
    // As the winnow CLI does; the library loop gets the same pool, so the comparison is fair.
    int pool = CommonPool.oneWorkerPerCore();
    Path warcs = Path.of(option(args, "--warcs", "winnow-work/warc")).toAbsolutePath();
    int docs = Integer.parseInt(option(args, "--docs", Integer.toString(EuroparlReader.SIZE)));
    int cores = Integer.parseInt(option(args, "--cores", "2"));
    int rounds = Integer.parseInt(option(args, "--rounds", "3"));
    Path work = Path.of(option(args, "--work", "winnow-work/bench")).toAbsolutePath();
    PrintWriter err = new PrintWriter(System.err, true);

    QuickstartCorpus.Summary corpus = QuickstartCorpus.ensure(warcs, docs, false, err);
    List<Path> files = corpus.files();
    IngestConfig config = IngestConfig.defaults(SOURCE);
    say("input: %d WARC files, %.1f MB, %d documents, %d captures (%s)", files.size(),
        corpus.bytes() / 1048576.0, corpus.documents(), corpus.captures(), warcs);
    say("common fork-join pool parallelism: %d", pool);

    long t = System.nanoTime();
    long records = LibraryLoop.run(files, config);
    say("library loop, warm-up (loads the language models): %.1f s", secs(t));

    t = System.nanoTime();
    SessionLease lease = SparkSessions.open("winnow ingest bench",
        Optional.of("local[" + cores + "]"), Map.of("spark.ui.enabled", "false"));
    double startup = secs(t);
    say("SparkSession local[%d] start-up: %.1f s", cores, startup);

    try (lease) {
      IngestJob job = new IngestJob(lease.session(), err);
      IngestSpec spec = new IngestSpec(List.of(warcs.toString()), work.resolve("ingest").toString(),
          config, 128L << 20, true);
      IngestReport cold = job.run(spec);
      say("job, first run: %.1f s (%s docs/s)", cold.elapsedSeconds(), fmt(cold.docsPerSecond()));
      check(records, cold.ledger().in());

      List<double[]> results = new ArrayList<>();
      IngestReport last = cold;
      for (int r = 0; r < rounds; r++) {
        double loopRate = 0;
        double loopCores = 0;
        double jobRate = 0;
        double jobCores = 0;
        for (int side = 0; side < 2; side++) {
          double cpu = ProcessCpu.seconds();
          t = System.nanoTime();
          if ((side + r) % 2 == 0) {
            check(records, LibraryLoop.run(files, config));
            loopRate = records / secs(t);
            loopCores = (ProcessCpu.seconds() - cpu) / secs(t);
          } else {
            last = job.run(spec);
            check(records, last.ledger().in());
            jobRate = last.docsPerSecond();
            jobCores = (ProcessCpu.seconds() - cpu) / secs(t);
          }
        }
        results.add(new double[] {jobRate / loopRate, loopRate, jobRate, loopCores, jobCores});
        say("round %d: library loop %s docs/s on %.2f cores, job %s docs/s on %.2f cores, "
            + "ratio %.2fx", r + 1, fmt(loopRate), loopCores, fmt(jobRate), jobCores,
            jobRate / loopRate);
      }
      results.sort((a, b) -> Double.compare(a[0], b[0]));
      double[] median = results.get(results.size() / 2);
      say("");
      say("## Ingest job, %s, %d cores available, median of %d rounds", LocalDate.now(),
          Runtime.getRuntime().availableProcessors(), rounds);
      say("records in                 %,d", records);
      say("library loop (1 thread)    %s docs/s (process used %.2f cores, %s docs per CPU-s)",
          fmt(median[1]), median[3], fmt(median[1] / median[3]));
      say("ingest job (local[%d])      %s docs/s (process used %.2f cores, %s docs per CPU-s)",
          cores, fmt(median[2]), median[4], fmt(median[2] / median[4]));
      say("ratio job / loop           %.2fx (rounds: %s)", median[0], ratios(results));
      say("job cost (last run)        %s CPU-s per input GB, %s docs/s per core (%s CPU)",
          fmt(last.cpuSecondsPerInputGb()), fmt(last.docsPerSecondPerCore()), last.cpuSource());
      say("session start-up           %.1f s (not in the job time)", startup);
    }
  }

  private static void check(long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException(
          "runs disagree on the record count: " + expected + " vs " + actual);
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

  private static String option(String[] args, String name, String fallback) {
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

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
    System.out.flush();
  }
}
