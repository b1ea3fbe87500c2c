package org.winnow.jobs.decontam;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.ledger.LedgerImbalanceException;
import org.winnow.core.output.AtomicOutput;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.dedup.decontam.NgramIndex;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.jobs.io.ParquetParts;
import org.winnow.jobs.spark.SparkSchemas;

/**
 * Decontamination as a Spark job: builds a Lucene n-gram index of the protected texts on the
 * driver (they are eval sets and held-out splits, small beside the corpus), broadcasts it, and
 * looks every training document up in it. Contaminated documents are flagged
 * ({@code contamination_ngrams}, {@code contamination_source}) or removed, and the overlap is
 * reported per protected source.
 */
public final class DecontaminateJob {
  public static final String STAGE = "decontaminate";
  public static final String NGRAMS = "contamination_ngrams";
  public static final String SOURCE = "contamination_source";
  public static final String REASON = "contaminated";
  private static final long ROWS_PER_FILE = 200_000;

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
    Broadcast<NgramIndex> index = null;
    Dataset<Row> scored = null;
    try {
      err.println("decontaminate: indexing " + spec.ngram() + "-word shingles of " + spec.against());
      NgramIndex idx = NgramIndex.build(ProtectedTexts.read(spark, spec.against()), spec.ngram());
      err.println("decontaminate: index of " + idx.textsBySource() + " texts, " + idx.bytes() + " bytes");
      index = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(idx);
      Dataset<Row> input = spark.read().parquet(spec.inputs().toArray(String[]::new));
      if (!Arrays.asList(input.columns()).contains(DocumentSchema.TEXT.name())) {
        throw new IllegalArgumentException("input " + spec.inputs() + " has no 'text' column");
      }
      List<Column> outCols = new ArrayList<>();
      for (String c : input.columns()) {
        if (!c.equals(NGRAMS) && !c.equals(SOURCE)) {
          outCols.add(col(c));
        }
      }
      outCols.add(col(NGRAMS));
      outCols.add(col(SOURCE));
      scored = input
          .withColumn("_o", udf(new OverlapFunction(index), OverlapFunction.TYPE)
              .apply(col(DocumentSchema.TEXT.name())))
          .withColumn(NGRAMS, col("_o." + OverlapFunction.MATCHED))
          .withColumn(SOURCE, col("_o." + OverlapFunction.TOP))
          .withColumn("_hit", col(NGRAMS).geq(lit(spec.minMatches())))
          .persist(StorageLevel.MEMORY_AND_DISK_SER());
      long in = scored.count();
      long flagged = scored.where(col("_hit")).count();
      Ledger ledger = new Ledger(STAGE);
      ledger.count(Fate.KEPT, "", spec.remove() ? in - flagged : in);
      if (spec.remove()) {
        ledger.count(Fate.REMOVED, REASON, flagged);
      }
      ledger.countModified("contamination_flagged", spec.remove() ? 0 : flagged);

      List<SourceOverlap> overlap = overlap(scored, idx);
      Dataset<Row> kept = (spec.remove() ? scored.where(col("_hit").unary_$bang()) : scored)
          .select(outCols.toArray(Column[]::new));
      Dataset<Row> removed = scored.where(col("_hit").and(lit(spec.remove())))
          .withColumn(SparkSchemas.STAGE, lit(STAGE))
          .withColumn(SparkSchemas.REASON, lit(REASON))
          .withColumn(SparkSchemas.DETAIL, concat(lit("shares "), col(NGRAMS).cast("string"),
              lit(" " + spec.ngram() + "-grams with "), col(SOURCE)))
          .withColumn(DocumentSchema.TEXT.name(), lit(""))
          .select(SparkSchemas.select(DroppedSchema.COLUMNS));
      String staging = out.staging();
      write(kept, ledger.kept(), staging);
      String removedDir = store.child(staging, DroppedSchema.REMOVED_DIR);
      write(removed, ledger.removedTotal(), removedDir);
      write(removed.limit(0), 0, store.child(staging, DroppedSchema.REJECTED_DIR));
      var conf = spark.sparkContext().hadoopConfiguration();
      ledger.check(in, ParquetParts.in(conf, staging).rows());
      long removedRows = ParquetParts.in(conf, removedDir).rows();
      if (removedRows != ledger.removedTotal()) {
        throw new LedgerImbalanceException(STAGE + ": ledger counts " + ledger.removedTotal()
            + " removed, but " + removedRows + " were written");
      }
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
      return new DecontaminateReport(target, false, ledger, flagged, overlap, idx.bytes(), elapsed);
    } catch (RuntimeException e) {
      out.abort();
      throw e;
    } finally {
      if (scored != null) {
        scored.unpersist(false);
      }
      if (index != null) {
        index.destroy();
      }
    }
  }

  /** Per protected source: documents over the threshold that share shingles with it, and how many. */
  private static List<SourceOverlap> overlap(Dataset<Row> scored, NgramIndex idx) {
    Map<String, long[]> found = new TreeMap<>();
    Dataset<Row> hits = scored.where(col("_hit"))
        .select(explode(col("_o." + OverlapFunction.BY_SOURCE)).as(new String[] {"s", "n"}))
        .groupBy("s").agg(count(lit(1)).as("docs"), sum(col("n")).as("shingles"));
    // One row per protected source: small by construction.
    for (Row r : hits.collectAsList()) {
      found.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
    }
    TreeSet<String> sources = new TreeSet<>(idx.textsBySource().keySet());
    sources.addAll(found.keySet());
    List<SourceOverlap> out = new ArrayList<>();
    for (String s : sources) {
      long[] f = found.getOrDefault(s, new long[2]);
      out.add(new SourceOverlap(s, idx.textsBySource().getOrDefault(s, 0),
          idx.shortTextsBySource().getOrDefault(s, 0), f[0], f[1]));
    }
    return out;
  }

  private static void write(Dataset<Row> rows, long count, String path) {
    int files = (int) Math.max(1, Math.min(10_000, (count + ROWS_PER_FILE - 1) / ROWS_PER_FILE));
    String id = DocumentSchema.ID.name();
    rows.repartition(files, col(id)).sortWithinPartitions(id)
        .write().mode(SaveMode.ErrorIfExists).parquet(path);
  }
}
