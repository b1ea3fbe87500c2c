package org.winnow.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.winnow.dedup.minhash.MinHashParams;
import org.winnow.jobs.dedup.ClusterPolicy;
import org.winnow.jobs.dedup.DedupJob;
import org.winnow.jobs.dedup.DedupMode;
import org.winnow.jobs.dedup.DedupReport;
import org.winnow.jobs.dedup.DedupScope;
import org.winnow.jobs.dedup.DedupSpec;
import org.winnow.jobs.dedup.DedupSummary;
import org.winnow.jobs.dedup.KeepRule;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code winnow dedup}: exact, near-duplicate and repeated-line removal as a Spark job. */
@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Remove exact and near duplicates and repeated lines from a document dataset.",
    description = {
      "Steps (in this order, those named by --mode): exact (normalised text, then normalised "
          + "URL), fuzzy (MinHash-LSH over word n-grams and connected components), lines "
          + "(lines found in at least --line-min-docs documents are cut from every text).",
      "Kept documents gain dup_count and minhash_cluster; removed rows in _removed/ name the "
          + "document they duplicate; _ledger.json has the whole run and each step. The fuzzy "
          + "step writes _minhash_index/ for --against-index of a later run."
    })
final class DedupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "DIR",
      description = "Document datasets (Parquet), comma separated or repeated.")
  List<String> inputs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output directory.")
  String output;

  @Option(names = "--mode", paramLabel = "LIST", defaultValue = "exact,fuzzy,lines",
      description = "Steps to run: exact, fuzzy, lines (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--ngram", defaultValue = "5", description = "Words per shingle (default: ${DEFAULT-VALUE}).")
  int ngram;

  @Option(names = "--bands", defaultValue = "14", description = "LSH bands (default: ${DEFAULT-VALUE}).")
  int bands;

  @Option(names = "--rows", defaultValue = "8", description = "Hashes per band (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the MinHash permutations (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--verify", defaultValue = "0", paramLabel = "JACCARD",
      description = "Keep a candidate pair only if its signatures agree on this fraction; 0 = off (default: ${DEFAULT-VALUE}).")
  double verify;

  @Option(names = "--line-min-docs", defaultValue = "10", paramLabel = "K",
      description = "Cut lines found in at least K documents (default: ${DEFAULT-VALUE}).")
  int lineMinDocs;

  @Option(names = "--keep", defaultValue = "earliest",
      description = "Which duplicate survives: earliest or latest fetch_time, ties to the smallest id (default: ${DEFAULT-VALUE}).")
  String keep;

  @Option(names = "--drop-all", description = "Drop every member of a duplicate group instead of keeping one.")
  boolean dropAll;

  @Option(names = "--per-source", description = "Look for duplicates only within each source.")
  boolean perSource;

  @Option(names = "--against-index", paramLabel = "DIR",
      description = "An earlier dedup output (or its _minhash_index): its documents win every cluster they share.")
  String againstIndex;

  @Option(names = "--no-index", description = "Do not write _minhash_index/.")
  boolean noIndex;

  @Option(names = "--max-rounds", defaultValue = "100",
      description = "Connected components fails after this many rounds (default: ${DEFAULT-VALUE}).")
  int maxRounds;

  @Option(names = "--force", description = "Redo a finished output, or replace what is there.")
  boolean force;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    DedupSpec job = spec();
    try (SessionLease lease = SparkSessions.open("winnow dedup", sparkOptions.master(), Map.of())) {
      DedupReport report = new DedupJob(lease.session(), spec.commandLine().getErr()).run(job);
      spec.commandLine().getOut().print(DedupSummary.render(report));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private DedupSpec spec() {
    try {
      List<String> paths = inputs.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
      if (paths.isEmpty()) {
        throw usage("--input names no path");
      }
      KeepRule rule = switch (keep) {
        case "earliest" -> KeepRule.EARLIEST;
        case "latest" -> KeepRule.LATEST;
        default -> throw usage("--keep must be earliest or latest, got '" + keep + "'");
      };
      return DedupSpec.defaults(paths, output)
          .withModes(DedupMode.parse(mode))
          .withPolicy(dropAll ? ClusterPolicy.DROP_ALL : ClusterPolicy.KEEP_ONE,
              perSource ? DedupScope.PER_SOURCE : DedupScope.GLOBAL, rule)
          .withAgainstIndex(Optional.ofNullable(againstIndex), !noIndex)
          .withTuning(new MinHashParams(ngram, bands, rows, seed), verify, lineMinDocs, maxRounds, force);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
