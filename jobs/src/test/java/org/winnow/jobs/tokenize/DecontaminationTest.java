package org.winnow.jobs.tokenize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.try_element_at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.ledger.Ledger;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.testing.TestSpark;
import org.winnow.loader.shard.Split;

/**
 * The decontamination option point with a simple real implementation (train documents whose
 * first two words open a held-out document): the job removes exactly the train documents it
 * names, lists them in {@code _removed/}, and the ledger balances with them as removed.
 */
class DecontaminationTest {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

  @TempDir Path tmp;

  /** First two space-separated words, as Spark's {@code split} and Java's agree on them. */
  private static final class OpeningOverlap implements HeldoutDecontamination {
    @Override
    public String reason() {
      return "heldout_overlap";
    }

    private static Column opening() {
      Column words = split(col("text"), " ");
      // try_element_at: a one-word text has no second word (ANSI mode would throw).
      return concat(try_element_at(words, lit(1)), lit("\u0001"),
          try_element_at(words, lit(2)));
    }

    @Override
    public Dataset<Row> contaminated(Dataset<Row> train, Dataset<Row> heldout) {
      Dataset<Row> t = train.withColumn("k", opening());
      Dataset<Row> h = heldout.select(opening().as("hk"));
      return t.join(h, t.col("k").equalTo(h.col("hk")), "left_semi").select("id");
    }
  }

  private static String opening(String text) {
    String[] words = text.split(" ");
    return words.length < 2 ? null : words[0] + "\u0001" + words[1];
  }

  @Test
  void removesExactlyTheTrainDocumentsTheHookNames() throws IOException {
    try (SessionLease lease = TestSpark.start()) {
      SparkSession spark = lease.session();
      TestDocuments docs = TestDocuments.write(spark, tmp.resolve("docs"), 120, 11);
      Path vocab = docs.trainVocabulary(tmp.resolve("vocab"), 400);
      TokenizeSpec spec = TokenizeSpec.of(List.of(docs.dir.toString()),
              tmp.resolve("shards").toString(), vocab.toString())
          .withHeldoutFraction(0.1)
          .withMaxDocumentBytes(TestDocuments.MAX_BYTES)
          .withDecontamination(new OpeningOverlap());

      DocumentPlacement placement = spec.placement();
      Set<String> heldOpenings = new HashSet<>();
      for (Map.Entry<String, String[]> e : docs.valid.entrySet()) {
        if (placement.heldOut(e.getKey()) && opening(e.getValue()[1]) != null) {
          heldOpenings.add(opening(e.getValue()[1]));
        }
      }
      Set<String> expected = new HashSet<>();
      for (Map.Entry<String, String[]> e : docs.valid.entrySet()) {
        if (!placement.heldOut(e.getKey()) && heldOpenings.contains(opening(e.getValue()[1]))) {
          expected.add(e.getKey());
        }
      }
      assertTrue(expected.size() > 2, "the fixture has overlaps: " + expected.size());

      TokenizeReport r = new TokenizeJob(spark, QUIET).run(spec);
      Ledger ledger = r.ledger();
      assertTrue(ledger.balanced());
      assertEquals(Map.of("heldout_overlap", (long) expected.size()), ledger.removed());
      assertEquals(docs.valid.size() - expected.size(), ledger.kept());

      Set<String> removedRows = new HashSet<>();
      for (Row row : spark.read().parquet(tmp.resolve("shards/_removed").toString())
          .collectAsList()) {
        removedRows.add(row.getAs("id"));
      }
      assertEquals(expected, removedRows);

      for (ShardRows.Doc d : ShardRows.read(tmp.resolve("shards"), Split.TRAIN)) {
        assertTrue(!expected.contains(d.docId()), d.docId() + " should have been removed");
      }
    }
  }
}
