package org.winnow.jobs.filter;

import java.util.List;
import java.util.Map;
import org.winnow.core.ledger.Ledger;

/**
 * What a filter or signals run did, for the summary tables and the benchmark.
 *
 * @param output         the committed output directory (qualified URI)
 * @param skipped        the output was already finished and nothing ran
 * @param ledger         the run's ledger (the existing one when skipped)
 * @param rules          per rule, in rule order: removed as first failure, and failed at all
 * @param piiMatches     PII matches replaced, per redactor name
 * @param charsRemoved   characters that line cleaning removed from kept documents
 * @param cutoffs        the percentile rules' cut-offs, per rule and language
 * @param inputBytes     size of the input Parquet files
 * @param elapsedSeconds wall time from start to commit
 * @param cpuSeconds     CPU time of the run: the whole JVM's in local mode, else its tasks'
 * @param cpuSource      what {@code cpuSeconds} measured: "process" or "tasks"
 * @param cores          cores the run had (Spark's default parallelism)
 * @param keptFiles      Parquet files of kept documents written
 * @param keptBytes      their size on storage
 */
public record FilterReport(
    String output,
    boolean skipped,
    Ledger ledger,
    List<RuleCount> rules,
    Map<String, Long> piiMatches,
    long charsRemoved,
    Map<String, Map<String, Double>> cutoffs,
    long inputBytes,
    double elapsedSeconds,
    double cpuSeconds,
    String cpuSource,
    int cores,
    int keptFiles,
    long keptBytes) {

  public FilterReport {
    rules = List.copyOf(rules);
    piiMatches = Map.copyOf(piiMatches);
    cutoffs = Map.copyOf(cutoffs);
  }

  static FilterReport skipped(String output, Ledger ledger) {
    return new FilterReport(output, true, ledger, List.of(), Map.of(), 0, Map.of(), 0, 0, 0,
        "none", 0, 0, 0);
  }

  /** Input documents per second of wall time. */
  public double docsPerSecond() {
    return elapsedSeconds > 0 ? ledger.in() / elapsedSeconds : Double.NaN;
  }

  /** CPU-seconds per GB (10^9 bytes) of input Parquet. */
  public double cpuSecondsPerInputGb() {
    return inputBytes > 0 ? cpuSeconds / (inputBytes / 1e9) : Double.NaN;
  }

  /** Input documents per CPU-second: what one busy core filters per second. */
  public double docsPerSecondPerCore() {
    return cpuSeconds > 0 ? ledger.in() / cpuSeconds : Double.NaN;
  }
}
