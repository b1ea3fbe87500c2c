package org.winnow.jobs.ingest;

import java.util.List;
import org.winnow.core.ledger.Ledger;
import org.winnow.jobs.io.InputFile;

/**
 * What an ingest run did, for the summary table and the benchmark.
 *
 * @param output         the committed output directory (qualified URI)
 * @param skipped        the output was already finished and nothing ran
 * @param ledger         the run's ledger (the existing one when skipped)
 * @param inputs         the input files read (empty when skipped)
 * @param elapsedSeconds wall time from start to commit
 * @param cpuSeconds     CPU time of the run: the whole JVM's in local mode, else its tasks'
 * @param cpuSource      what {@code cpuSeconds} measured: "process" or "tasks"
 * @param cores          cores the run had (Spark's default parallelism)
 * @param keptFiles      Parquet files of kept documents written
 * @param keptBytes      their size on storage
 */
public record IngestReport(
    String output,
    boolean skipped,
    Ledger ledger,
    List<InputFile> inputs,
    double elapsedSeconds,
    double cpuSeconds,
    String cpuSource,
    int cores,
    int keptFiles,
    long keptBytes) {

  public IngestReport {
    inputs = List.copyOf(inputs);
  }

  static IngestReport skipped(String output, Ledger ledger) {
    return new IngestReport(output, true, ledger, List.of(), 0, 0, "none", 0, 0, 0);
  }

  public long inputBytes() {
    return inputs.stream().mapToLong(InputFile::bytes).sum();
  }

  /** Input records (documents and rejects) per second of wall time. */
  public double docsPerSecond() {
    return elapsedSeconds > 0 ? ledger.in() / elapsedSeconds : Double.NaN;
  }

  /** Input megabytes (as stored, compressed) per second of wall time. */
  public double mbPerSecond() {
    return elapsedSeconds > 0 ? inputBytes() / (1024.0 * 1024.0) / elapsedSeconds : Double.NaN;
  }

  /** CPU-seconds per GB (10^9 bytes) of input as stored. */
  public double cpuSecondsPerInputGb() {
    return inputBytes() > 0 ? cpuSeconds / (inputBytes() / 1e9) : Double.NaN;
  }

  /** Input records per CPU-second: what one busy core ingests per second. */
  public double docsPerSecondPerCore() {
    return cpuSeconds > 0 ? ledger.in() / cpuSeconds : Double.NaN;
  }
}
