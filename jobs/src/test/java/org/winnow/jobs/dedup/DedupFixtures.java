package org.winnow.jobs.dedup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.winnow.core.Document;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.jobs.spark.SparkSchemas;

/** Document datasets for the dedup tests, written as ingest writes them. */
final class DedupFixtures {
  private DedupFixtures() {}

  static Document doc(String id, String url, String source, long day, String text) {
    return new Document(id, url, "example.com", source, Instant.ofEpochSecond(1_600_000_000L + day * 86_400),
        "en", 0.9, "", text, "test.warc.gz", Math.abs(id.hashCode()), 0);
  }

  /** Random words: two texts from different seeds share almost no 5-gram. */
  static String words(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(i % 12 == 0 ? ".\n" : " ");
      }
      sb.append("w").append(r.nextInt(50_000));
    }
    return sb.toString();
  }

  /** {@code text} with every {@code every}-th word replaced. */
  static String edited(String text, int every, Random r) {
    String[] w = text.split(" ");
    for (int i = every / 2; i < w.length; i += every) {
      w[i] = "edit" + r.nextInt(1_000_000);
    }
    return String.join(" ", w);
  }

  static String write(SparkSession spark, Path dir, List<Document> docs) {
    List<Row> rows = new ArrayList<>();
    for (Document d : docs) {
      rows.add(RowFactory.create(DocumentSchema.values(d)));
    }
    String path = dir.toString();
    spark.createDataFrame(rows, SparkSchemas.document()).repartition(2).write()
        .mode(SaveMode.Overwrite).parquet(path);
    return path;
  }
}
