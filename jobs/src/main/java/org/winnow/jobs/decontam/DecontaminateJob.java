package org.winnow.jobs.decontam;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.output.AtomicOutput;
import org.winnow.core.schema.Column;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.dedup.decontam.NgramIndex;
import org.winnow.jobs.io.FixedSplits;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.jobs.io.NoInputException;
import org.winnow.jobs.io.ParquetParts;
import org.winnow.jobs.io.TaskSideFiles;
import org.winnow.jobs.report.ProgressReporter;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.jobs.spark.LiveCounters;
import org.winnow.jobs.spark.SerializableHadoopConf;
import org.winnow.jobs.spark.TallyAccumulator;

/**
 * Decontamination as a Spark job: builds an index of the protected texts' n-gram shingles on the
 * driver (they are eval sets and held-out splits, small beside the corpus), broadcasts it, and
 * looks every training document up in it. Contaminated documents are flagged
 * ({@code contamination_ngrams}, {@code contamination_source}) or removed, and the overlap is
 * reported per protected source.
 *
 * <p>One pass over the corpus, with no shuffle and nothing persisted, as the filter stage does:
 * each task ({@link DecontaminateTask}) looks its documents up, writes the removed ones to
 * {@code _removed/} itself and hands the others to Spark's Parquet writer, so each input split
 * (fixed by the input alone, {@link FixedSplits}) becomes one output file, in input order. The
 * counts come back through an accumulator and are checked against the Parquet footers before
 * the staging directory is committed.
 */
public final class DecontaminateJob {
  public static final String STAGE = "decontaminate";
  public static final String NGRAMS = "contamination_ngrams";
  public static final String SOURCE = "contamination_source";
  public static final String REASON = "contaminated";
  /** Unique per document: Parquet's dictionary attempt on them only costs time (see FilterJob). */
  private static final List<Column> NO_DICTIONARY = List.of(DocumentSchema.ID,
      DocumentSchema.URL, DocumentSchema.TITLE, DocumentSchema.TEXT);

  private final SparkSession spark;
  private final PrintWriter err;

  public DecontaminateJob(SparkSession spark, PrintWriter err) {
    this.spark = spark;
    this.err = err;
  }

  public DecontaminateReport run(DecontaminateSpec spec) {
    long start = System.nanoTime();
    HadoopOutputStore store = new HadoopOutputStore(spark.sparkContext().hadoopConfiguration());
    AtomicOutput out = store.prepare(spec.output(), spec.force());
    String target = out.target();
    if (out.alreadyDone()) {
      return new DecontaminateReport(target, true, store.readLedger(target), 0, List.of(), 0, 0);
    }
    try {
      return decontaminate(spec, out, start);
    } catch (RuntimeException e) {
      out.abort();
      throw e;
    }
  }

  private DecontaminateReport decontaminate(DecontaminateSpec spec, AtomicOutput out,
      long start) {
    SparkSession session = FixedSplits.session(spark);
    SparkContext sc = session.sparkContext();
    Configuration hadoop = sc.hadoopConfiguration();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
    Dataset<Row> input = read(session, spec.inputs());
    DecontaminateRowLayout layout = DecontaminateRowLayout.of(input.schema());
    long inputRows = ParquetParts.of(hadoop, input.inputFiles()).rows();

    err.println(STAGE + ": indexing " + spec.ngram() + "-word shingles of " + spec.against());
    NgramIndex idx = NgramIndex.build(ProtectedTexts.read(spark, spec.against()), spec.ngram());
    err.println(STAGE + ": index of " + idx.textsBySource() + " texts, " + idx.bytes()
        + " bytes");
    Broadcast<NgramIndex> index = jsc.broadcast(idx);
    Broadcast<SerializableHadoopConf> conf = jsc.broadcast(new SerializableHadoopConf(hadoop));
    JobCounters counters = JobCounters.register(sc, STAGE);
    TallyAccumulator<DecontaminationTally> accumulator =
        TallyAccumulator.register(sc, DecontaminationTally::new);
    String staging = out.staging();
    try (LiveCounters live = LiveCounters.start(sc, counters);
        ProgressReporter p = ProgressReporter.start(STAGE, err, live::records, live::records,
            inputRows, ProgressReporter.Unit.DOCUMENTS)) {
      JavaRDD<Row> kept = input.javaRDD().mapPartitions(new DecontaminateTask(index, layout,
          spec, counters, accumulator, conf, staging));
      DataFrameWriter<Row> writer = session.createDataFrame(kept, layout.kept()).write();
      for (Column c : NO_DICTIONARY) {
        writer.option("parquet.enable.dictionary#" + c.name(), "false");
      }
      writer.mode(SaveMode.ErrorIfExists).parquet(staging);
    } finally {
      index.destroy();
      conf.destroy();
    }
    DecontaminationTally tally = accumulator.value();
    long flagged = tally.contaminated();
    Ledger ledger = new Ledger(STAGE);
    ledger.count(Fate.KEPT, "", tally.documents() - (spec.remove() ? flagged : 0));
    if (spec.remove()) {
      ledger.count(Fate.REMOVED, REASON, flagged);
    }
    ledger.countModified("contamination_flagged", spec.remove() ? 0 : flagged);
    TaskSideFiles.settle(hadoop, staging, ledger, tally.sideFiles(), inputRows);

    List<SourceOverlap> overlap = overlap(tally, idx);
    double elapsed = (System.nanoTime() - start) / 1e9;
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("ngram", spec.ngram());
    extra.put("min_matches", spec.minMatches());
    extra.put("mode", spec.remove() ? "remove" : "flag");
    extra.put("against", spec.against());
    extra.put("contaminated", flagged);
    extra.put("index_bytes", idx.bytes());
    extra.put("overlap_by_source", overlap);
    extra.put("elapsed_s", Math.round(elapsed * 1000) / 1000.0);
    out.writeLedger(ledger.toJson(extra));
    out.commit();
    return new DecontaminateReport(out.target(), false, ledger, flagged, overlap, idx.bytes(),
        elapsed);
  }

  private static Dataset<Row> read(SparkSession session, List<String> inputs) {
    try {
      return session.read().parquet(inputs.toArray(String[]::new));
    } catch (Exception e) {
      // Scala throws AnalysisException (a checked exception) without declaring it.
      if (e instanceof AnalysisException) {
        throw new NoInputException("no document dataset at " + String.join(", ", inputs) + ": "
            + e.getMessage());
      }
      throw e;
    }
  }

  /** Per protected source, in name order, with what the contaminated documents share with it. */
  private static List<SourceOverlap> overlap(DecontaminationTally tally, NgramIndex idx) {
    TreeSet<String> sources = new TreeSet<>(idx.textsBySource().keySet());
    sources.addAll(tally.bySource().keySet());
    List<SourceOverlap> out = new ArrayList<>();
    for (String s : sources) {
      long[] found = tally.bySource().getOrDefault(s, new long[2]);
      out.add(new SourceOverlap(s, idx.textsBySource().getOrDefault(s, 0),
          idx.shortTextsBySource().getOrDefault(s, 0), found[0], found[1]));
    }
    return out;
  }
}
