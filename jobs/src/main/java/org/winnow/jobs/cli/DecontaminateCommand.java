package org.winnow.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.winnow.dedup.decontam.NgramIndex;
import org.winnow.jobs.decontam.DecontaminateJob;
import org.winnow.jobs.decontam.DecontaminateReport;
import org.winnow.jobs.decontam.DecontaminateSpec;
import org.winnow.jobs.decontam.SourceOverlap;
import org.winnow.jobs.ingest.IngestSummary;
import org.winnow.jobs.report.SummaryTable;
import org.winnow.jobs.report.Units;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code winnow decontaminate}: flag or remove training documents that share n-grams with protected texts. */
@Command(
    name = "decontaminate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Flag or remove training documents that share word n-grams with held-out or eval texts.",
    description = {
      "Builds a Lucene index of the n-gram shingles (13 words by default, through Lucene's "
          + "analysis chain) of the --against texts and looks every training document up in it. "
          + "Documents sharing at least --min-matches shingles get contamination_ngrams and "
          + "contamination_source, or are removed with --remove. Overlap is reported per "
          + "protected source.",
      "--against takes document datasets (Parquet with a text column), .txt files (one text "
          + "per line) or .jsonl files (a text field per line)."
    })
final class DecontaminateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "DIR",
      description = "Training document datasets (Parquet).")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--against", required = true, split = ",", paramLabel = "PATH",
      description = "Texts to protect: Parquet datasets, .txt or .jsonl files.")
  List<String> against = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output directory.")
  String output;

  @Option(names = "--ngram", defaultValue = "" + NgramIndex.DEFAULT_N,
      description = "Words per shingle (default: ${DEFAULT-VALUE}).")
  int ngram;

  @Option(names = "--min-matches", defaultValue = "1", paramLabel = "M",
      description = "Shared shingles that make a document contaminated (default: ${DEFAULT-VALUE}).")
  int minMatches;

  @Option(names = "--remove", description = "Remove contaminated documents instead of flagging them.")
  boolean remove;

  @Option(names = "--force", description = "Redo a finished output, or replace what is there.")
  boolean force;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    DecontaminateSpec job;
    try {
      job = new DecontaminateSpec(inputs, against, output, ngram, minMatches, remove, force);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (SessionLease lease = SparkSessions.open("winnow decontaminate", sparkOptions.master(), Map.of())) {
      DecontaminateReport r = new DecontaminateJob(lease.session(), spec.commandLine().getErr()).run(job);
      spec.commandLine().getOut().print(render(r));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  static String render(DecontaminateReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.skipped() ? "decontaminate: skipped, " + r.output() + " is already finished\n"
        : "decontaminate: done in " + Units.seconds(r.elapsedSeconds()) + ", "
            + Units.count(r.flagged()) + " contaminated documents\n");
    sb.append(IngestSummary.ledgerTable(r.ledger()));
    if (!r.overlap().isEmpty()) {
      SummaryTable t = new SummaryTable().header("protected source", "texts", "too short",
          "documents", "shared n-grams");
      for (SourceOverlap o : r.overlap()) {
        t.row(o.source(), Units.count(o.texts()), Units.count(o.tooShort()),
            Units.count(o.documents()), Units.count(o.shingles()));
      }
      sb.append('\n').append(t.render());
    }
    sb.append("  output  ").append(r.output()).append('\n');
    return sb.toString();
  }
}
