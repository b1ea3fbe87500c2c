package org.winnow.jobs.filter;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.output.AtomicOutput;
import org.winnow.core.schema.Column;
import org.winnow.core.schema.ColumnType;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.filter.signals.SignalSchema;
import org.winnow.jobs.io.FixedSplits;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.jobs.io.NoInputException;
import org.winnow.jobs.io.ParquetParts;
import org.winnow.jobs.io.TaskSideFiles;
import org.winnow.jobs.report.ProgressReporter;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.jobs.spark.LiveCounters;
import org.winnow.jobs.spark.ProcessCpu;
import org.winnow.jobs.spark.SerializableHadoopConf;
import org.winnow.jobs.spark.TallyAccumulator;
import org.winnow.jobs.spark.TaskCpuMeter;

/**
 * The filter stage as a Spark job: the document dataset in, the kept documents with their
 * signal columns out, {@code _removed/} (reason: the first failing rule) and {@code _rejected/}
 * beside them. {@code winnow signals} is the same job with every document kept.
 *
 * <p>One pass over the input (after a first pass for the cut-offs when the rules hold
 * percentile rules): each task judges its documents, writes the dropped ones to the side
 * datasets itself and hands the kept ones to Spark's Parquet writer, with no shuffle, so each
 * input split becomes one kept file, in input order. The input is read through
 * {@link FixedSplits}, which makes those splits, and so the output, the same on any cluster. The
 * tally (ledger, per-rule counts, PII counts) comes back through an accumulator; the footers of
 * what was written must agree with it before the staging directory is committed.
 */
public final class FilterJob {
  /**
   * Columns whose values are (nearly) unique per document. Parquet would try a dictionary for
   * each, hashing every value, only to fall back to plain encoding once the dictionary stops
   * paying: about a tenth of a task's CPU when it was on. Parquet reads the per-column switch
   * {@code parquet.enable.dictionary#<column>} from the write's options.
   *
   * <p>The signals of type double are ratios of two counts of the document: most are distinct
   * per document, so their dictionaries (kept, being small) cost a hash-map lookup per value,
   * a twentieth of a task's CPU, for files a few percent smaller.
   */
  static final List<Column> NO_DICTIONARY = Stream.concat(
      Stream.of(DocumentSchema.ID, DocumentSchema.URL, DocumentSchema.TITLE, DocumentSchema.TEXT),
      SignalSchema.COLUMNS.stream().filter(c -> c.type() == ColumnType.DOUBLE)).toList();

  private final SparkSession spark;
  private final PrintWriter err;
  private final Consumer<String> afterWrite;

  /** @param err where progress goes (stderr for the CLI) */
  public FilterJob(SparkSession spark, PrintWriter err) {
    this(spark, err, staging -> { });
  }

  /**
   * @param afterWrite called with the staging directory between the write and the checks: tests
   *                   use it to leave what a failed attempt would leave behind
   */
  FilterJob(SparkSession spark, PrintWriter err, Consumer<String> afterWrite) {
    this.spark = spark;
    this.err = err;
    this.afterWrite = afterWrite;
  }

  public FilterReport run(FilterSpec spec) {
    long start = System.nanoTime();
    double processCpuStart = ProcessCpu.seconds();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    HadoopOutputStore store = new HadoopOutputStore(hadoop);
    AtomicOutput out = store.prepare(spec.output(), spec.force());
    String target = out.target();
    if (out.alreadyDone()) {
      return FilterReport.skipped(target, store.readLedger(target));
    }
    FilterSettings settings = settings(spec, hadoop);
    try {
      return filter(spec, settings, out, start, processCpuStart);
    } catch (RuntimeException e) {
      out.abort();
      throw e;
    }
  }

  private FilterReport filter(FilterSpec spec, FilterSettings unresolved, AtomicOutput out,
      long start, double processCpuStart) {
    SparkSession session = FixedSplits.session(spark);
    SparkContext sc = session.sparkContext();
    Configuration hadoop = sc.hadoopConfiguration();
    Dataset<Row> input = read(session, spec.inputs());
    ParquetParts inputParts = ParquetParts.of(hadoop, input.inputFiles());
    FilterRowLayout layout = FilterRowLayout.of(input.schema());
    String stage = spec.stage();
    JobCounters counters = JobCounters.register(sc, stage);
    TallyAccumulator<FilterTally> accumulator =
        TallyAccumulator.register(sc, () -> new FilterTally(stage));
    String staging = out.staging();
    Broadcast<SerializableHadoopConf> conf = JavaSparkContext.fromSparkContext(sc)
        .broadcast(new SerializableHadoopConf(hadoop));
    try (TaskCpuMeter cpu = TaskCpuMeter.start(sc);
        LiveCounters live = LiveCounters.start(sc, counters)) {
      FilterSettings settings = unresolved;
      if (spec.mode() == FilterSpec.Mode.FILTER) {
        Map<String, Map<String, Double>> cutoffs =
            PercentileCutoffs.compute(session, input, layout, unresolved);
        if (!cutoffs.isEmpty()) {
          err.println(stage + ": percentile cut-offs " + cutoffs);
          settings = unresolved.withCutoffs(cutoffs);
        }
      }
      String text = DocumentSchema.TEXT.name();
      // The task takes the text as UTF-8 bytes and hands them on; the casts between string and
      // binary are copies of the bytes, with no decoding or encoding (see FilterPartitionTask).
      JavaRDD<Row> kept = input.withColumn(text, col(text).cast(DataTypes.BinaryType)).javaRDD()
          .mapPartitions(new FilterPartitionTask(settings, layout, spec.mode(), stage, counters,
              accumulator, conf, staging));
      err.println(stage + ": writing the kept documents to " + out.target());
      try (ProgressReporter p = ProgressReporter.start(stage, err, live::records, live::records,
          inputParts.rows(), ProgressReporter.Unit.DOCUMENTS)) {
        DataFrameWriter<Row> writer = session.createDataFrame(kept, layout.keptAsBytes())
            .withColumn(text, col(text).cast(DataTypes.StringType)).write();
        for (Column c : NO_DICTIONARY) {
          writer.option("parquet.enable.dictionary#" + c.name(), "false");
        }
        writer.mode(SaveMode.ErrorIfExists).parquet(staging);
      }
      afterWrite.accept(staging);
      FilterTally tally = accumulator.value();
      ParquetParts keptParts = TaskSideFiles.settle(hadoop, staging, tally.ledger(),
          tally.sideFiles(), inputParts.rows());
      Ledger ledger = tally.ledger();

      double elapsed = (System.nanoTime() - start) / 1e9;
      double processCpu = ProcessCpu.seconds() - processCpuStart;
      boolean wholeProcess = sc.isLocal() && Double.isFinite(processCpu);
      FilterReport report = new FilterReport(out.target(), false, ledger,
          tally.ruleCounts(settings.unresolvedConfig().rules().names()), tally.piiMatches(),
          tally.charsRemoved(), settings.cutoffs(), inputParts.bytes(), elapsed,
          wholeProcess ? processCpu : cpu.cpuSeconds(), wholeProcess ? "process" : "tasks",
          sc.defaultParallelism(), keptParts.files(), keptParts.bytes());
      out.writeLedger(ledger.toJson(ledgerExtras(spec, report)));
      out.commit();
      return report;
    } finally {
      conf.destroy();
    }
  }

  private static Dataset<Row> read(SparkSession session, List<String> inputs) {
    try {
      return session.read().parquet(inputs.toArray(String[]::new));
    } catch (Exception e) {
      // Scala throws AnalysisException (a checked exception) without declaring it.
      if (e instanceof org.apache.spark.sql.AnalysisException) {
        throw new NoInputException("no document dataset at " + String.join(", ", inputs) + ": "
            + e.getMessage());
      }
      throw e;
    }
  }

  private static FilterSettings settings(FilterSpec spec, Configuration hadoop) {
    Optional<byte[]> model = Optional.empty();
    String modelName = "";
    if (spec.qualityModel().isPresent()) {
      modelName = spec.qualityModel().get();
      Path p = new Path(modelName);
      try (InputStream in = p.getFileSystem(hadoop).open(p)) {
        model = Optional.of(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the quality model " + modelName, e);
      }
    }
    FilterSettings settings = new FilterSettings(spec.rulesYaml(), spec.rulesSource(), Map.of(),
        model, modelName);
    // Fail on the driver, before any task runs, when the rules and the model do not fit.
    settings.unresolvedPipeline();
    return settings;
  }

  private Map<String, Object> ledgerExtras(FilterSpec spec, FilterReport r) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("inputs", spec.inputs());
    extra.put("input_bytes", r.inputBytes());
    extra.put("rules_file", spec.rulesSource());
    extra.put("quality_model", spec.qualityModel().orElse(null));
    Map<String, Object> rules = new LinkedHashMap<>();
    for (RuleCount c : r.rules()) {
      rules.put(c.rule(), Map.of("removed", c.removed(), "fails", c.alone()));
    }
    extra.put("rules", rules);
    extra.put("percentile_cutoffs", r.cutoffs());
    extra.put("pii_matches", r.piiMatches());
    extra.put("chars_removed", r.charsRemoved());
    extra.put("elapsed_s", round(r.elapsedSeconds()));
    extra.put("docs_per_s", round(r.docsPerSecond()));
    extra.put("cpu_s", round(r.cpuSeconds()));
    extra.put("cpu_measured_over", r.cpuSource());
    extra.put("cpu_s_per_input_gb", round(r.cpuSecondsPerInputGb()));
    extra.put("docs_per_s_per_core", round(r.docsPerSecondPerCore()));
    extra.put("cores", r.cores());
    extra.put("output_files", r.keptFiles());
    extra.put("output_bytes", r.keptBytes());
    extra.put("spark_master", spark.sparkContext().master());
    extra.put("spark_version", spark.version());
    return extra;
  }

  private static double round(double x) {
    return Double.isFinite(x) ? Math.round(x * 1000) / 1000.0 : 0;
  }

}
