package org.winnow.jobs.filter;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.output.AtomicOutput;
import org.winnow.jobs.ingest.OutcomeTally;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.jobs.io.OutcomeSplit;
import org.winnow.jobs.io.NoInputException;
import org.winnow.jobs.io.ParquetParts;
import org.winnow.jobs.report.ProgressReporter;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.jobs.spark.LiveCounters;
import org.winnow.jobs.spark.ProcessCpu;
import org.winnow.jobs.spark.SparkSchemas;
import org.winnow.jobs.spark.TaskCpuMeter;

/**
 * The filter stage as a Spark job: the document dataset in, the kept documents with their
 * signal columns out, {@code _removed/} (reason: the first failing rule) and {@code _rejected/}
 * beside them. {@code winnow signals} is the same job with every document kept.
 *
 * <p>When the rules hold percentile rules, a first pass computes their cut-offs with Spark's
 * approximate percentiles. The outcome rows are persisted so each document is judged once, then
 * tallied (ledger, per-rule counts, PII counts) and split. Everything lands in a staging
 * directory that is committed only when the ledger agrees with what was written.
 */
public final class FilterJob {
  private final SparkSession spark;
  private final PrintWriter err;

  /** @param err where progress goes (stderr for the CLI) */
  public FilterJob(SparkSession spark, PrintWriter err) {
    this.spark = spark;
    this.err = err;
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
      return filter(spec, settings, out, store, start, processCpuStart);
    } catch (RuntimeException e) {
      out.abort();
      throw e;
    }
  }

  private FilterReport filter(FilterSpec spec, FilterSettings unresolved, AtomicOutput out,
      HadoopOutputStore store, long start, double processCpuStart) {
    SparkContext sc = spark.sparkContext();
    Dataset<Row> input = read(spec.inputs());
    ParquetParts inputParts = ParquetParts.of(sc.hadoopConfiguration(), input.inputFiles());
    FilterRowLayout layout = FilterRowLayout.of(input.schema());
    String stage = spec.stage();
    JobCounters counters = JobCounters.register(sc, stage);
    String staging = out.staging();
    Dataset<Row> outcomes = null;
    try (TaskCpuMeter cpu = TaskCpuMeter.start(sc);
        LiveCounters live = LiveCounters.start(sc, counters)) {
      FilterSettings settings = unresolved;
      if (spec.mode() == FilterSpec.Mode.FILTER) {
        Map<String, Map<String, Double>> cutoffs =
            PercentileCutoffs.compute(spark, input, layout, unresolved);
        if (!cutoffs.isEmpty()) {
          err.println(stage + ": percentile cut-offs " + cutoffs);
          settings = unresolved.withCutoffs(cutoffs);
        }
      }
      JavaRDD<Row> rows = input.javaRDD()
          .mapPartitions(new FilterPartitionTask(settings, layout, spec.mode(), stage, counters));
      outcomes = spark.createDataFrame(rows, layout.outcome())
          .persist(StorageLevel.MEMORY_AND_DISK_SER());

      OutcomeTally tally;
      try (ProgressReporter p = ProgressReporter.start(stage, err, live::records, live::records,
          inputParts.rows(), ProgressReporter.Unit.DOCUMENTS)) {
        tally = OutcomeTally.of(outcomes, stage);
      }
      long counted = outcomes.count();
      Ledger ledger = tally.ledger();
      List<RuleCount> rules = ruleCounts(outcomes, settings, ledger);
      Map<String, Long> pii = piiMatches(outcomes);
      long charsRemoved = charsRemoved(outcomes);

      err.println(stage + ": writing " + ledger.kept() + " documents to " + out.target());
      ParquetParts keptParts = OutcomeSplit.write(outcomes, layout.documentColumns(), tally,
          counted, spec.targetFileBytes(), store, staging, sc.hadoopConfiguration());

      double elapsed = (System.nanoTime() - start) / 1e9;
      double processCpu = ProcessCpu.seconds() - processCpuStart;
      boolean wholeProcess = sc.isLocal() && Double.isFinite(processCpu);
      FilterReport report = new FilterReport(out.target(), false, ledger, rules, pii,
          charsRemoved, settings.cutoffs(), inputParts.bytes(), elapsed,
          wholeProcess ? processCpu : cpu.cpuSeconds(), wholeProcess ? "process" : "tasks",
          sc.defaultParallelism(), keptParts.files(), keptParts.bytes());
      out.writeLedger(ledger.toJson(ledgerExtras(spec, report)));
      out.commit();
      return report;
    } finally {
      if (outcomes != null) {
        outcomes.unpersist(false);
      }
    }
  }

  private Dataset<Row> read(List<String> inputs) {
    try {
      return spark.read().parquet(inputs.toArray(String[]::new));
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

  private static List<RuleCount> ruleCounts(Dataset<Row> outcomes, FilterSettings settings,
      Ledger ledger) {
    Map<String, Long> failing = new HashMap<>();
    for (Row r : outcomes.select(explode(col(FilterRowLayout.FAILED_RULES)).as("rule"))
        .groupBy(col("rule")).count().collectAsList()) {
      failing.put(r.getString(0), r.getLong(1));
    }
    List<RuleCount> counts = new ArrayList<>();
    for (String rule : settings.unresolvedConfig().rules().names()) {
      counts.add(new RuleCount(rule, ledger.removed().getOrDefault(rule, 0L),
          failing.getOrDefault(rule, 0L)));
    }
    return counts;
  }

  private static Map<String, Long> piiMatches(Dataset<Row> outcomes) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Row r : outcomes.select(explode(col(FilterRowLayout.PII_MATCHES)))
        .groupBy(col("key")).agg(sum(col("value"))).orderBy(col("key")).collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }

  private static long charsRemoved(Dataset<Row> outcomes) {
    Row r = outcomes.agg(sum(col(FilterRowLayout.CHARS_REMOVED))).first();
    return r.isNullAt(0) ? 0 : r.getLong(0);
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
