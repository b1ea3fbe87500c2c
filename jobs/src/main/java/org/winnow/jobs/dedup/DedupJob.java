package org.winnow.jobs.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.output.AtomicOutput;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.dedup.DedupSchema;
import org.winnow.dedup.lsh.SCurve;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.jobs.spark.ProcessCpu;
import org.winnow.jobs.spark.SparkSchemas;

/**
 * The dedup stage as a Spark job: a document dataset in, the same columns plus {@code dup_count}
 * and {@code minhash_cluster} out, with {@code _removed/} (each row naming the document it
 * duplicates), {@code _rejected/}, {@code _ledger.json} (whole run and per step) and, when the
 * fuzzy step runs, {@code _minhash_index/} for later runs to dedup against. Committed atomically.
 *
 * <p>Entry point for other code: {@code new DedupJob(spark, err).run(DedupSpec.defaults(in, out))}.
 */
public final class DedupJob {
  private static final String[] REQUIRED = {
    DocumentSchema.ID.name(), DocumentSchema.URL.name(), DocumentSchema.SOURCE.name(),
    DocumentSchema.FETCH_TIME.name(), DocumentSchema.TEXT.name(),
    DocumentSchema.WARC_FILE.name(), DocumentSchema.WARC_OFFSET.name()
  };

  private final SparkSession spark;
  private final PrintWriter err;

  public DedupJob(SparkSession spark, PrintWriter err) {
    this.spark = spark;
    this.err = err;
  }

  public DedupReport run(DedupSpec spec) {
    long start = System.nanoTime();
    double cpuStart = ProcessCpu.seconds();
    HadoopOutputStore store = new HadoopOutputStore(spark.sparkContext().hadoopConfiguration());
    AtomicOutput out = store.prepare(spec.output(), spec.force());
    String target = out.target();
    if (out.alreadyDone()) {
      return DedupReport.skipped(target, store.readLedger(target));
    }
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      return dedup(spec, out, store, start, cpuStart, cached);
    } catch (RuntimeException e) {
      out.abort();
      throw e;
    } finally {
      cached.forEach(d -> d.unpersist(false));
    }
  }

  private DedupReport dedup(DedupSpec spec, AtomicOutput out, HadoopOutputStore store, long start,
      double cpuStart, List<Dataset<Row>> cached) {
    Dataset<Row> input = spark.read().parquet(spec.inputs().toArray(String[]::new));
    List<String> have = Arrays.asList(input.columns());
    for (String c : REQUIRED) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException("input " + spec.inputs() + " lacks column '" + c
            + "'; dedup reads the document dataset written by winnow ingest");
      }
    }
    List<String> outColumns = new ArrayList<>(have);
    for (String c : List.of(DedupSchema.DUP_COUNT.name(), DedupSchema.MINHASH_CLUSTER.name())) {
      if (!outColumns.contains(c)) {
        outColumns.add(c);
      }
    }
    Column reject = rejectReason();
    Dataset<Row> marked = input.withColumn("_reject", reject).persist(StorageLevel.MEMORY_AND_DISK_SER());
    cached.add(marked);
    long in = marked.count();
    Ledger ledger = new Ledger(DedupSchema.STAGE);
    Dataset<Row> rejected = marked.where(col("_reject").isNotNull())
        .withColumn(SparkSchemas.STAGE, lit(DedupSchema.STAGE))
        .withColumn(SparkSchemas.REASON, col("_reject"))
        .withColumn(SparkSchemas.DETAIL, lit("a required column is null"))
        .withColumn(DocumentSchema.ID.name(), coalesce(col(DocumentSchema.ID.name()), lit("")))
        .withColumn(DocumentSchema.URL.name(), coalesce(col(DocumentSchema.URL.name()), lit("")))
        .withColumn(DocumentSchema.WARC_FILE.name(), coalesce(col(DocumentSchema.WARC_FILE.name()), lit("")))
        .withColumn(DocumentSchema.WARC_OFFSET.name(), coalesce(col(DocumentSchema.WARC_OFFSET.name()), lit(0L)))
        .withColumn(DocumentSchema.TEXT.name(), lit(""))
        .select(SparkSchemas.select(DroppedSchema.COLUMNS));
    for (Row r : rejected.groupBy(SparkSchemas.REASON).count().collectAsList()) {
      ledger.count(Fate.REJECTED, r.getString(0), r.getLong(1));
    }

    Dataset<Row> docs = marked.where(col("_reject").isNull()).drop("_reject")
        .withColumn(DedupColumns.NODE, xxhash64(col(DocumentSchema.ID.name())))
        .withColumn(DedupColumns.ROW, monotonically_increasing_id())
        .withColumn(DedupColumns.FROM_INDEX, lit(false))
        .withColumn(DedupSchema.DUP_COUNT.name(), have.contains(DedupSchema.DUP_COUNT.name())
            ? coalesce(col(DedupSchema.DUP_COUNT.name()).cast("long"), lit(0L)) : lit(0L));
    List<Ledger> steps = new ArrayList<>();
    List<Dataset<Row>> removed = new ArrayList<>();
    int rounds = 0;
    long removedChars = 0;
    String sCurve = "";
    Dataset<Row> index = null;

    if (spec.modes().contains(DedupMode.EXACT)) {
      err.println("dedup: exact step (normalised text, then normalised URL)");
      StepResult[] exact = ExactStep.run(docs, spec);
      docs = account(steps, removed, cached, "exact_text", exact[0], ExactStep.TEXT_REASON);
      docs = account(steps, removed, cached, "exact_url", exact[1], ExactStep.URL_REASON);
    }
    if (spec.modes().contains(DedupMode.FUZZY)) {
      sCurve = SCurve.table(spec.minhash());
      err.println("dedup: fuzzy step, MinHash " + spec.minhash().ngram() + "-word shingles, "
          + spec.minhash().bands() + " bands x " + spec.minhash().rows() + " rows");
      err.print(sCurve);
      Optional<Dataset<Row>> earlier = spec.againstIndex().map(p -> DedupOutput.readIndex(spark, store, p, spec));
      FuzzyStep.Outcome fuzzy = FuzzyStep.run(docs, spec, earlier, err);
      cached.add(fuzzy.index());
      rounds = fuzzy.rounds();
      index = fuzzy.index();
      docs = account(steps, removed, cached, "fuzzy", fuzzy.result(), FuzzyStep.REASON);
    } else if (!have.contains(DedupSchema.MINHASH_CLUSTER.name())) {
      docs = docs.withColumn(DedupSchema.MINHASH_CLUSTER.name(), col(DocumentSchema.ID.name()));
    }
    if (spec.modes().contains(DedupMode.LINES)) {
      err.println("dedup: repeated-lines step (lines in >= " + spec.lineMinDocs() + " documents)");
      StepResult lines = LineStep.run(docs, spec.lineMinDocs());
      docs = account(steps, removed, cached, "lines", lines, LineStep.EMPTY_REASON);
      Row mod = docs.agg(sum(when(col(LineStep.REMOVED_CHARS).gt(0), 1L).otherwise(0L)),
          coalesce(sum(col(LineStep.REMOVED_CHARS)), lit(0L))).first();
      long modified = mod.isNullAt(0) ? 0 : mod.getLong(0);
      removedChars = mod.getLong(1);
      steps.get(steps.size() - 1).countModified(LineStep.MODIFIED, modified);
      ledger.countModified(LineStep.MODIFIED, modified);
    }

    Dataset<Row> kept = docs.select(outColumns.stream().map(c -> col(c)).toArray(Column[]::new));
    for (Ledger step : steps) {
      step.removed().forEach((reason, n) -> {
        if (n > 0) {
          ledger.count(Fate.REMOVED, reason, n);
        }
      });
    }
    long keptCount = steps.isEmpty() ? docs.count() : steps.get(steps.size() - 1).kept();
    ledger.count(Fate.KEPT, "", keptCount);

    DedupOutput writer = new DedupOutput(spark, store, out.staging());
    Dataset<Row> allRemoved = removed.stream().reduce(Dataset::union)
        .orElseGet(() -> rejected.limit(0));
    DedupOutput.Written written = writer.write(kept, keptCount, allRemoved, ledger.removedTotal(),
        rejected, ledger.rejectedTotal(), index, spec);
    ledger.check(in, written.keptRows());

    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpu = spark.sparkContext().isLocal() ? ProcessCpu.seconds() - cpuStart : Double.NaN;
    DedupReport report = new DedupReport(out.target(), false, ledger, steps, rounds, removedChars,
        sCurve, elapsed, cpu, spark.sparkContext().defaultParallelism(), written.keptFiles(),
        written.keptBytes());
    out.writeLedger(ledger.toJson(extras(spec, report)));
    out.commit();
    return report;
  }

  /** Persists a step's kept rows, counts both sides and records the step's own ledger. */
  private static Dataset<Row> account(List<Ledger> steps, List<Dataset<Row>> removed,
      List<Dataset<Row>> cached, String name, StepResult r, String reason) {
    Dataset<Row> kept = r.kept().persist(StorageLevel.MEMORY_AND_DISK_SER());
    Dataset<Row> gone = r.removed().persist(StorageLevel.MEMORY_AND_DISK_SER());
    cached.add(kept);
    cached.add(gone);
    Ledger step = new Ledger(name);
    step.count(Fate.KEPT, "", kept.count());
    step.count(Fate.REMOVED, reason, gone.count());
    steps.add(step);
    removed.add(gone);
    return kept;
  }

  private static Column rejectReason() {
    Column reason = lit(null).cast("string");
    String[] checked = {
      DocumentSchema.WARC_FILE.name(), DocumentSchema.URL.name(), DocumentSchema.SOURCE.name(),
      DocumentSchema.FETCH_TIME.name(), DocumentSchema.TEXT.name(), DocumentSchema.ID.name()
    };
    // The last check wins, so the id, the most basic, is named first when several are missing.
    for (String c : checked) {
      reason = when(col(c).isNull(), lit("missing_" + c)).otherwise(reason);
    }
    return reason;
  }

  private Map<String, Object> extras(DedupSpec spec, DedupReport r) {
    Map<String, Object> extra = new LinkedHashMap<>();
    List<Object> steps = new ArrayList<>();
    for (Ledger s : r.steps()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", s.stage());
      m.put("in", s.in());
      m.put("kept", s.kept());
      m.put("removed", s.removed());
      m.put("modified", s.modified());
      steps.add(m);
    }
    extra.put("steps", steps);
    extra.put("modes", spec.modes().stream().map(Enum::name).sorted().toList());
    extra.put("minhash", Map.of("ngram", spec.minhash().ngram(), "bands", spec.minhash().bands(),
        "rows", spec.minhash().rows(), "seed", spec.minhash().seed()));
    extra.put("verify_jaccard", spec.verifyJaccard());
    extra.put("cc_rounds", r.ccRounds());
    extra.put("line_min_docs", spec.lineMinDocs());
    extra.put("removed_chars", r.removedChars());
    extra.put("keep_rule", spec.keepRule().name());
    extra.put("policy", spec.policy().name());
    extra.put("scope", spec.scope().name());
    extra.put("against_index", spec.againstIndex().orElse(""));
    extra.put("inputs", spec.inputs());
    extra.put("elapsed_s", round(r.elapsedSeconds()));
    extra.put("cpu_s", round(r.cpuSeconds()));
    extra.put("docs_per_s_per_core", round(r.docsPerSecondPerCore()));
    extra.put("cores", r.cores());
    extra.put("spark_master", spark.sparkContext().master());
    return extra;
  }

  private static double round(double x) {
    return Double.isFinite(x) ? Math.round(x * 1000) / 1000.0 : 0;
  }
}
