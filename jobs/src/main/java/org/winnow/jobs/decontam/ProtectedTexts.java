package org.winnow.jobs.decontam;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.winnow.dedup.decontam.ProtectedText;

/**
 * Reads the texts to protect, streaming them to the driver one partition at a time (they feed
 * one n-gram index there): document datasets keep their own {@code source} column when they have
 * one; a {@code .txt} or {@code .jsonl} file is a source named after the file.
 */
final class ProtectedTexts {
  private ProtectedTexts() {}

  static Iterable<ProtectedText> read(SparkSession spark, List<String> paths) {
    return () -> paths.stream().flatMap(p -> stream(spark, p)).iterator();
  }

  private static java.util.stream.Stream<ProtectedText> stream(SparkSession spark, String path) {
    String name = new Path(path).getName();
    String lower = name.toLowerCase(Locale.ROOT);
    String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    Dataset<Row> rows;
    if (lower.endsWith(".txt")) {
      rows = spark.read().text(path).withColumnRenamed("value", "text")
          .where(col("text").notEqual(lit("")))
          .select(lit(stem).as("source"), col("text"));
    } else if (lower.endsWith(".jsonl") || lower.endsWith(".json")) {
      rows = spark.read().json(path).select(lit(stem).as("source"), col("text"));
    } else {
      Dataset<Row> docs = spark.read().parquet(path);
      if (!Arrays.asList(docs.columns()).contains("text")) {
        throw new IllegalArgumentException(path + " has no 'text' column to protect");
      }
      rows = docs.select(Arrays.asList(docs.columns()).contains("source")
          ? col("source") : lit(stem).as("source"), col("text"));
    }
    Iterator<Row> it = rows.where(col("text").isNotNull()).toLocalIterator();
    long[] n = {0};
    return java.util.stream.StreamSupport.stream(
        java.util.Spliterators.spliteratorUnknownSize(it, 0), false)
        .map(r -> new ProtectedText(path + "#" + (n[0]++), r.getString(0), r.getString(1)));
  }
}
