package org.winnow.bench.dedup;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.winnow.jobs.spark.SparkSchemas;

/**
 * A generated document dataset for the scaling run: about 2 KB of text per document drawn from a
 * skewed 30,000-word vocabulary, seeded by the document number, and one document in twenty an
 * edited copy (one word in forty replaced, Jaccard about 0.8) of the one before it, so the fuzzy step has real
 * components to find. Written with Spark, so generating a million documents needs no driver memory.
 */
final class GeneratedCorpus {
  private GeneratedCorpus() {}

  static void write(SparkSession spark, long docs, String path) {
    spark.range(0, docs, 1, (int) Math.max(2, docs / 50_000))
        .mapPartitions((MapPartitionsFunction<Long, Row>) GeneratedCorpus::rows,
            Encoders.row(SparkSchemas.document()))
        .write().mode(SaveMode.Overwrite).parquet(path);
  }

  private static Iterator<Row> rows(Iterator<Long> ids) {
    List<Row> out = new ArrayList<>();
    while (ids.hasNext()) {
      long i = ids.next();
      String text = i % 20 == 1 ? edited(text(i - 1), i) : text(i);
      out.add(RowFactory.create("doc" + i, "http://gen.example/" + i, "gen.example", "generated",
          new Timestamp(1_600_000_000_000L + i * 1000), "en", 1.0, "", text, "generated.warc",
          i, 0));
    }
    return out.iterator();
  }

  static String text(long seed) {
    // Seeds one golden-gamma step apart would give the same stream shifted by one word (that is
    // how SplittableRandom advances); a mixed seed makes the documents independent.
    SplittableRandom r = new SplittableRandom(new SplittableRandom(seed).nextLong());
    StringBuilder sb = new StringBuilder(2200);
    int words = 0;
    while (sb.length() < 2000) {
      if (words > 0) {
        sb.append(words % 15 == 0 ? ".\n" : " ");
      }
      sb.append(word(r.nextInt(r.nextInt(30_000) + 1)));
      words++;
    }
    return sb.toString();
  }

  private static String edited(String text, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] w = text.split(" ");
    for (int k = r.nextInt(40); k < w.length; k += 40) {
      w[k] = word(30_000 + r.nextInt(1_000_000));
    }
    return String.join(" ", w);
  }

  private static String word(int n) {
    return Integer.toString(n * 7 + 1000, 26).replace('0', 'q').replace('1', 'x');
  }
}
