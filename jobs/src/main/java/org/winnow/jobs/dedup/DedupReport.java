package org.winnow.jobs.dedup;

import java.util.List;
import org.winnow.core.ledger.Ledger;

/**
 * What a dedup run did, for the summary table, quickstart and the benchmarks.
 *
 * @param output         the committed output directory (qualified URI)
 * @param skipped        the output was already finished and nothing ran
 * @param ledger         the whole run's ledger (the existing one when skipped)
 * @param steps          one ledger per step that ran, in order (its stage names the step)
 * @param ccRounds       connected-components rounds of the fuzzy step (0 when it did not run)
 * @param removedChars   characters cut by the repeated-lines step
 * @param sCurve         the fuzzy step's theoretical S-curve table (empty when it did not run)
 * @param elapsedSeconds wall time from start to commit
 * @param cpuSeconds     CPU time of the run (the whole JVM's in local mode, else NaN)
 * @param cores          Spark's default parallelism
 * @param keptFiles      Parquet files of kept documents written
 * @param keptBytes      their size
 */
public record DedupReport(
    String output,
    boolean skipped,
    Ledger ledger,
    List<Ledger> steps,
    int ccRounds,
    long removedChars,
    String sCurve,
    double elapsedSeconds,
    double cpuSeconds,
    int cores,
    int keptFiles,
    long keptBytes) {

  public DedupReport {
    steps = List.copyOf(steps);
  }

  static DedupReport skipped(String output, Ledger ledger) {
    return new DedupReport(output, true, ledger, List.of(), 0, 0, "", 0, Double.NaN, 0, 0, 0);
  }

  /** Input documents per second of wall time. */
  public double docsPerSecond() {
    return elapsedSeconds > 0 ? ledger.in() / elapsedSeconds : Double.NaN;
  }

  /** Input documents per CPU-second. */
  public double docsPerSecondPerCore() {
    return cpuSeconds > 0 ? ledger.in() / cpuSeconds : Double.NaN;
  }
}
