package org.winnow.bench.job;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.winnow.jobs.quickstart.EuroparlReader;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;

/**
 * The options of the benchmarks over a {@link CopiedCorpus}: {@code [--docs N] [--copies N]
 * [--cores N] [--rounds N] [--warmup N] [--work DIR]}.
 */
record CorpusBenchSettings(int docs, int copies, int cores, int rounds, int warmup, Path work) {

  static CorpusBenchSettings parse(String[] args) {
    return new CorpusBenchSettings(
        Integer.parseInt(JobDuel.option(args, "--docs", Integer.toString(EuroparlReader.SIZE))),
        Integer.parseInt(JobDuel.option(args, "--copies", "20")),
        Integer.parseInt(JobDuel.option(args, "--cores", "2")),
        Integer.parseInt(JobDuel.option(args, "--rounds", "3")),
        Integer.parseInt(JobDuel.option(args, "--warmup", "3")),
        Path.of(JobDuel.option(args, "--work", "winnow-work/bench")).toAbsolutePath());
  }

  /** A {@code local[cores]} session without the UI. */
  SessionLease openSession(String name) {
    return SparkSessions.open(name, Optional.of("local[" + cores + "]"),
        Map.of("spark.ui.enabled", "false"));
  }
}
