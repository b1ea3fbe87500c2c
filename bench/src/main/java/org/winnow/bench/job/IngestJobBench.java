package org.winnow.bench.job;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.winnow.ingest.IngestConfig;
import org.winnow.jobs.ingest.IngestJob;
import org.winnow.jobs.ingest.IngestReport;
import org.winnow.jobs.ingest.IngestSpec;
import org.winnow.jobs.quickstart.EuroparlReader;
import org.winnow.jobs.quickstart.QuickstartCorpus;
import org.winnow.jobs.spark.CommonPool;
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
 * <p>Usage: {@code IngestJobBench [--warcs DIR] [--docs N] [--cores N] [--rounds N] [--warmup N]
 * [--work DIR]}; {@code --warmup} runs the job that many times more before the rounds
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
    int warmup = Integer.parseInt(option(args, "--warmup", "3"));
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

      JobDuel.warmUp(warmup, () -> job.run(spec).elapsedSeconds());
      IngestReport[] last = {cold};
      JobDuel.run("Ingest job", cores, rounds, () -> LibraryLoop.run(files, config), () -> {
        last[0] = job.run(spec);
        return last[0].ledger().in();
      });
      say("job cost (last run)        %s CPU-s per input GB, %s docs/s per core (%s CPU)",
          fmt(last[0].cpuSecondsPerInputGb()), fmt(last[0].docsPerSecondPerCore()),
          last[0].cpuSource());
      say("session start-up           %.1f s (not in the job time)", startup);
    }
  }

  private static void check(long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException(
          "runs disagree on the record count: " + expected + " vs " + actual);
    }
  }

  private static String option(String[] args, String name, String fallback) {
    return JobDuel.option(args, name, fallback);
  }

  private static double secs(long startNanos) {
    return JobDuel.secs(startNanos);
  }

  private static String fmt(double x) {
    return JobDuel.fmt(x);
  }

  private static void say(String format, Object... args) {
    JobDuel.say(format, args);
  }
}
