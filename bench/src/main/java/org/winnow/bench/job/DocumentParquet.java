package org.winnow.bench.job;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.winnow.jobs.spark.SparkSchemas;

/** Writes texts as a document dataset (the core schema), for the job benchmarks to read. */
final class DocumentParquet {
  private DocumentParquet() {}

  /** Writes {@code texts} as documents {@code <source>-<i>} into {@code dir} in {@code files} files. */
  static void write(SparkSession spark, List<String> texts, String source, Path dir, int files) {
    List<Row> rows = new ArrayList<>(texts.size());
    Timestamp time = Timestamp.valueOf("2026-01-01 00:00:00");
    for (int i = 0; i < texts.size(); i++) {
      String id = source + "-" + i;
      rows.add(RowFactory.create(id, "https://example.org/" + id, "example.org", source, time,
          "", 0.0, "", texts.get(i), "", (long) i, 0));
    }
    spark.createDataFrame(rows, SparkSchemas.document())
        .repartition(files)
        .write().mode(SaveMode.Overwrite).parquet(dir.toString());
  }
}
