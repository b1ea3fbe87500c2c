package org.winnow.bench.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.winnow.jobs.spark.ProcessCpu;

/**
 * A Spark job against the single-threaded library loop it wraps, in one JVM: each round times
 * both, alternating which goes first. On a shared machine the load of other processes drifts, so
 * a round's ratio compares neighbours in time and the median round is reported, with the cores
 * the process actually got in each phase (CPU time over wall time): a ratio below the core count
 * with fewer cores used means the machine, not the job, was the limit.
 */
final class JobDuel {
  private JobDuel() {}

  /** One round's measurements. */
  record Round(double loopRate, double loopCores, double jobRate, double jobCores) {
    double ratio() {
      return jobRate / loopRate;
    }
  }

  /**
   * Runs {@code rounds} rounds; both sides return the records they processed, which must agree.
   *
   * @return the rounds, sorted by ratio
   */
  static List<Round> run(String title, int cores, int rounds, Callable<Long> loop,
      Callable<Long> job) throws Exception {
    List<Round> results = new ArrayList<>();
    long records = -1;
    for (int r = 0; r < rounds; r++) {
      double[] rate = new double[2];
      double[] used = new double[2];
      for (int i = 0; i < 2; i++) {
        int side = (i + r) % 2;
        double cpu = ProcessCpu.seconds();
        long t = System.nanoTime();
        long n = side == 0 ? loop.call() : job.call();
        double wall = (System.nanoTime() - t) / 1e9;
        if (records >= 0 && n != records) {
          throw new IllegalStateException("runs disagree on the record count: " + records
              + " vs " + n);
        }
        records = n;
        rate[side] = n / wall;
        used[side] = (ProcessCpu.seconds() - cpu) / wall;
      }
      Round round = new Round(rate[0], used[0], rate[1], used[1]);
      results.add(round);
      say("round %d: library loop %s docs/s on %.2f cores, job %s docs/s on %.2f cores, "
          + "ratio %.2fx", r + 1, fmt(round.loopRate()), round.loopCores(),
          fmt(round.jobRate()), round.jobCores(), round.ratio());
    }
    results.sort((a, b) -> Double.compare(a.ratio(), b.ratio()));
    Round median = results.get(results.size() / 2);
    say("");
    say("## %s, %s, %d cores available, median of %d rounds", title, LocalDate.now(),
        Runtime.getRuntime().availableProcessors(), rounds);
    say("records in                 %,d", records);
    say("library loop (1 thread)    %s docs/s (process used %.2f cores, %s docs per CPU-s)",
        fmt(median.loopRate()), median.loopCores(), fmt(median.loopRate() / median.loopCores()));
    say("job (local[%d])             %s docs/s (process used %.2f cores, %s docs per CPU-s)",
        cores, fmt(median.jobRate()), median.jobCores(), fmt(median.jobRate() / median.jobCores()));
    List<String> ratios = new ArrayList<>();
    for (Round x : results) {
      ratios.add(String.format(Locale.ROOT, "%.2f", x.ratio()));
    }
    Collections.sort(ratios);
    say("ratio job / loop           %.2fx (rounds: %s)", median.ratio(), String.join(", ", ratios));
    return results;
  }

  /**
   * Runs the job {@code runs} more times before the rounds, printing each run's time: after the
   * first run the tasks' code is compiled, but the driver's (planning, scheduling, committing)
   * keeps the JIT busy for several more runs, which a long job on a real corpus pays once.
   */
  static void warmUp(int runs, Callable<Double> jobSeconds) throws Exception {
    for (int i = 0; i < runs; i++) {
      double cpu = ProcessCpu.seconds();
      long t = System.nanoTime();
      double seconds = jobSeconds.call();
      say("job, warm-up run %d: %.1f s on %.2f cores", i + 1, seconds,
          (ProcessCpu.seconds() - cpu) / secs(t));
    }
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static String fmt(double x) {
    return String.format(Locale.ROOT, "%,.1f", x);
  }

  static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
    System.out.flush();
  }
}
