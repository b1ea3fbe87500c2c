package org.winnow.jobs.ingest;


import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.output.AtomicOutput;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.ingest.WarcIngester;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.jobs.io.InputFile;
import org.winnow.jobs.io.InputFiles;
import org.winnow.jobs.io.OutcomeSplit;
import org.winnow.jobs.io.ParquetParts;
import org.winnow.jobs.report.ProgressReporter;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.jobs.spark.LiveCounters;
import org.winnow.jobs.spark.ProcessCpu;
import org.winnow.jobs.spark.SerializableHadoopConf;
import org.winnow.jobs.spark.SparkSchemas;
import org.winnow.jobs.spark.TaskCpuMeter;

/**
 * The ingest stage as a Spark job: WARC files in, the document dataset out.
 *
 * <p>One task per input file streams it through {@link WarcIngester}. The outcome rows are
 * persisted so extraction runs once, then split into the kept documents (Parquet at the output's
 * top level), {@code _removed/} and {@code _rejected/}. The ledger comes from a group-by on fate
 * and reason and must agree with an independent count and with the rows read back from what was
 * written. Everything lands in a staging directory that is committed only when it all adds up.
 *
 * <p>Output is deterministic: inputs are sorted, every dataset is hash-partitioned on its lineage
 * key {@code (warc_file, warc_offset)} into a count fixed by its size, and sorted within files.
 */
public final class IngestJob {
  private static final String LABEL = "ingest";

  private final SparkSession spark;
  private final PrintWriter err;

  /** @param err where progress goes (stderr for the CLI) */
  public IngestJob(SparkSession spark, PrintWriter err) {
    this.spark = spark;
    this.err = err;
  }

  public IngestReport run(IngestSpec spec) {
    long start = System.nanoTime();
    double processCpuStart = ProcessCpu.seconds();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    HadoopOutputStore store = new HadoopOutputStore(hadoop);
    AtomicOutput out = store.prepare(spec.output(), spec.force());
    String target = out.target();
    if (out.alreadyDone()) {
      return IngestReport.skipped(target, store.readLedger(target));
    }
    List<InputFile> files = InputFiles.expand(hadoop, spec.inputs());
    try {
      return ingest(spec, files, out, store, start, processCpuStart);
    } catch (RuntimeException e) {
      out.abort();
      throw e;
    }
  }

  private IngestReport ingest(IngestSpec spec, List<InputFile> files, AtomicOutput out,
      HadoopOutputStore store, long start, double processCpuStart) {
    SparkContext sc = spark.sparkContext();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
    JobCounters counters = JobCounters.register(sc, LABEL);
    Broadcast<SerializableHadoopConf> conf =
        jsc.broadcast(new SerializableHadoopConf(sc.hadoopConfiguration()));
    String staging = out.staging();
    Dataset<Row> outcomes = null;
    try (TaskCpuMeter cpu = TaskCpuMeter.start(sc);
        LiveCounters live = LiveCounters.start(sc, counters)) {
      // numSlices = file count: one task per file, in sorted order.
      JavaRDD<Row> rows = jsc.parallelize(files, files.size())
          .flatMap(new IngestFileTask(spec.config(), conf, counters));
      outcomes = spark.createDataFrame(rows, SparkSchemas.outcome())
          .persist(StorageLevel.MEMORY_AND_DISK_SER());

      OutcomeTally tally;
      try (ProgressReporter p = ProgressReporter.start(LABEL, err, live::records, live::bytes,
          InputFiles.totalBytes(files), ProgressReporter.Unit.BYTES)) {
        tally = OutcomeTally.of(outcomes, WarcIngester.STAGE);
      }
      long counted = outcomes.count();
      Ledger ledger = tally.ledger();

      err.println(LABEL + ": writing " + ledger.kept() + " documents to " + out.target());
      ParquetParts keptParts = OutcomeSplit.write(outcomes,
          SparkSchemas.select(DocumentSchema.COLUMNS), tally, counted, spec.targetFileBytes(),
          store, staging, sc.hadoopConfiguration());

      double elapsed = (System.nanoTime() - start) / 1e9;
      // In local mode this JVM did all the work; its CPU time also counts the threads that task
      // metrics do not see. On a cluster only the tasks' own CPU time reaches the driver.
      double processCpu = ProcessCpu.seconds() - processCpuStart;
      boolean wholeProcess = sc.isLocal() && Double.isFinite(processCpu);
      IngestReport report = new IngestReport(out.target(), false, ledger, files, elapsed,
          wholeProcess ? processCpu : cpu.cpuSeconds(), wholeProcess ? "process" : "tasks",
          sc.defaultParallelism(), keptParts.files(), keptParts.bytes());
      out.writeLedger(ledger.toJson(ledgerExtras(spec, report)));
      out.commit();
      return report;
    } finally {
      if (outcomes != null) {
        outcomes.unpersist(false);
      }
      conf.destroy();
    }
  }




  private Map<String, Object> ledgerExtras(IngestSpec spec, IngestReport r) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("input_files", r.inputs().stream().map(InputFile::path).toList());
    extra.put("input_file_count", r.inputs().size());
    extra.put("input_bytes", r.inputBytes());
    extra.put("elapsed_s", round(r.elapsedSeconds()));
    extra.put("docs_per_s", round(r.docsPerSecond()));
    extra.put("mb_per_s", round(r.mbPerSecond()));
    extra.put("cpu_s", round(r.cpuSeconds()));
    extra.put("cpu_measured_over", r.cpuSource());
    extra.put("cpu_s_per_input_gb", round(r.cpuSecondsPerInputGb()));
    extra.put("docs_per_s_per_core", round(r.docsPerSecondPerCore()));
    extra.put("cores", r.cores());
    extra.put("output_files", r.keptFiles());
    extra.put("output_bytes", r.keptBytes());
    extra.put("source", spec.config().source());
    extra.put("languages", spec.config().languages());
    extra.put("max_record_bytes", spec.config().maxRecordBytes());
    extra.put("target_file_bytes", spec.targetFileBytes());
    extra.put("spark_master", spark.sparkContext().master());
    extra.put("spark_version", spark.version());
    return extra;
  }

  private static double round(double x) {
    return Double.isFinite(x) ? Math.round(x * 1000) / 1000.0 : 0;
  }

}
