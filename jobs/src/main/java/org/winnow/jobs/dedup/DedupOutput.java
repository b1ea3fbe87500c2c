package org.winnow.jobs.dedup;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.ledger.LedgerImbalanceException;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.dedup.minhash.MinHashParams;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.jobs.io.ParquetParts;

/**
 * Writes a dedup run into its staging directory and reads an earlier run's index. Every dataset
 * is hash-partitioned on the document id into a count fixed by its row count and sorted within
 * files, so the same input and settings give the same files.
 */
final class DedupOutput {
  /** The reusable index dataset beside the kept documents. */
  static final String INDEX_DIR = "_minhash_index";
  /** The MinHash settings the index was made with; a later run must use the same. */
  static final String INDEX_PARAMS = "_minhash_index.json";
  private static final long ROWS_PER_FILE = 200_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkSession spark;
  private final HadoopOutputStore store;
  private final String staging;

  DedupOutput(SparkSession spark, HadoopOutputStore store, String staging) {
    this.spark = spark;
    this.store = store;
    this.staging = staging;
  }

  record Written(long keptRows, int keptFiles, long keptBytes) {}

  Written write(Dataset<Row> kept, long keptCount, Dataset<Row> removed, long removedCount,
      Dataset<Row> rejected, long rejectedCount, Dataset<Row> index, DedupSpec spec) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    write(kept, keptCount, staging);
    String removedDir = store.child(staging, DroppedSchema.REMOVED_DIR);
    String rejectedDir = store.child(staging, DroppedSchema.REJECTED_DIR);
    write(removed, removedCount, removedDir);
    write(rejected, rejectedCount, rejectedDir);
    check(DroppedSchema.REMOVED_DIR, removedCount, ParquetParts.in(conf, removedDir).rows());
    check(DroppedSchema.REJECTED_DIR, rejectedCount, ParquetParts.in(conf, rejectedDir).rows());
    if (index != null && spec.writeIndex()) {
      Dataset<Row> rows = index.withColumnRenamed(DedupColumns.NODE, "node");
      write(rows, -1, store.child(staging, INDEX_DIR));
      try {
        store.writeUtf8(store.child(staging, INDEX_PARAMS), JSON.writeValueAsString(Map.of(
            "ngram", spec.minhash().ngram(), "bands", spec.minhash().bands(),
            "rows", spec.minhash().rows(), "seed", spec.minhash().seed())) + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + INDEX_PARAMS, e);
      }
    }
    ParquetParts parts = ParquetParts.in(conf, staging);
    return new Written(parts.rows(), parts.files(), parts.bytes());
  }

  private static void write(Dataset<Row> rows, long count, String path) {
    long n = count >= 0 ? count : rows.count();
    int files = (int) Math.max(1, Math.min(10_000, (n + ROWS_PER_FILE - 1) / ROWS_PER_FILE));
    String id = DocumentSchema.ID.name();
    rows.repartition(files, col(id))
        .sortWithinPartitions(id)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(path);
  }

  private static void check(String dir, long expected, long written) {
    if (expected != written) {
      throw new LedgerImbalanceException("dedup: ledger counts " + expected + " rows for " + dir
          + "/, but " + written + " were written");
    }
  }


  /**
   * The index of an earlier run: {@code path} is that run's output directory or its
   * {@code _minhash_index}. Its MinHash settings must equal this run's, or band keys would never
   * meet.
   */
  static Dataset<Row> readIndex(SparkSession spark, HadoopOutputStore store, String path,
      DedupSpec spec) {
    try {
      String dir = store.qualify(path);
      if (store.exists(store.child(dir, INDEX_DIR))) {
        dir = store.child(dir, INDEX_DIR);
      }
      String params = store.sibling(dir, INDEX_PARAMS);
      if (!store.exists(params)) {
        throw new IllegalArgumentException(path + " is not a dedup index: no " + params);
      }
      JsonNode p = JSON.readTree(store.readUtf8(params));
      MinHashParams theirs = new MinHashParams(p.get("ngram").asInt(), p.get("bands").asInt(),
          p.get("rows").asInt(), p.get("seed").asLong());
      if (!theirs.equals(spec.minhash())) {
        throw new IllegalArgumentException("index " + path + " was made with " + theirs
            + ", this run uses " + spec.minhash() + "; use the same MinHash settings");
      }
      return spark.read().parquet(dir).withColumnRenamed("node", DedupColumns.NODE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index " + path, e);
    }
  }
}
