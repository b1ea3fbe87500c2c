package org.winnow.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.winnow.ingest.IngestConfig;
import org.winnow.ingest.lang.LanguageIdentifier;
import org.winnow.jobs.ingest.IngestJob;
import org.winnow.jobs.ingest.IngestReport;
import org.winnow.jobs.ingest.IngestSpec;
import org.winnow.jobs.ingest.IngestSummary;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code winnow ingest}: WARC files to the document dataset, as a Spark job. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Ingest WARC files into the document dataset (Parquet) as a Spark job.",
    description = {
      "Reads WARC files (one Spark task per file), extracts each page's main text and language, "
          + "and writes the kept documents as Parquet with _removed/, _rejected/ and "
          + "_ledger.json beside them. The output is committed atomically; a finished output "
          + "is left alone unless --force is given.",
      "Paths are Hadoop URIs (file://, hdfs://, s3a://) or local paths; inputs may be globs or "
          + "directories (their *.warc[.gz] and *.wet[.gz] files).",
      "With spark-submit on a cluster, give executors "
          + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=<executor cores> in "
          + "spark.executor.extraJavaOptions: language identification runs on that pool."
    })
final class IngestCommand implements Callable<Integer> {
  private static final long MIB = 1024L * 1024L;

  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "PATH",
      description = "WARC files, globs or directories; comma separated or repeated.")
  List<String> inputs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Output directory.")
  String output;

  @Option(names = "--source", paramLabel = "NAME", defaultValue = "web",
      description = "Dataset name written to every document's source column (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--target-file-mb", paramLabel = "MB", defaultValue = "128",
      description = "Target size of the Parquet files, estimated from the text (default: ${DEFAULT-VALUE}).")
  int targetFileMb;

  @Option(names = "--languages", split = ",", paramLabel = "CODE",
      description = "ISO 639-1 codes language identification chooses among, at least two, "
          + "e.g. en,de,fr (default: all it knows).")
  List<String> languages = new ArrayList<>();

  @Option(names = "--max-record-mb", paramLabel = "MB", defaultValue = "10",
      description = "Largest HTTP payload accepted; larger records are rejected (default: ${DEFAULT-VALUE}).")
  int maxRecordMb;

  @Option(names = "--force", description = "Redo a finished output, or replace what is there.")
  boolean force;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    IngestSpec job = spec();
    try (SessionLease lease = SparkSessions.open("winnow ingest", sparkOptions.master(), Map.of())) {
      IngestReport report = new IngestJob(lease.session(), spec.commandLine().getErr()).run(job);
      spec.commandLine().getOut().print(IngestSummary.render(report));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /** Validates the options before Spark starts, so usage errors come fast and exit with 2. */
  private IngestSpec spec() {
    if (targetFileMb <= 0) {
      throw usage("--target-file-mb must be > 0, got " + targetFileMb);
    }
    if (maxRecordMb <= 0) {
      throw usage("--max-record-mb must be > 0, got " + maxRecordMb);
    }
    if (source.isBlank()) {
      throw usage("--source must not be empty");
    }
    List<String> paths = inputs.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (paths.isEmpty()) {
      throw usage("--input names no path");
    }
    try {
      LanguageIdentifier.checkCodes(languages);
    } catch (IllegalArgumentException e) {
      throw usage("--languages: " + e.getMessage());
    }
    IngestConfig d = IngestConfig.defaults(source);
    IngestConfig config = new IngestConfig(source, maxRecordMb * MIB, d.extractTimeout(),
        languages, d.langDetectChars());
    return new IngestSpec(paths, output, config, targetFileMb * MIB, force);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
