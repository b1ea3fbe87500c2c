package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** Train documents whose first two space-separated words open a held-out document. */
  private static final class OpeningOverlap implements HeldoutDecontamination {
    @Override
    public String reason() {
      return "heldout_overlap";
    }

    @Override
    public ContaminationTest prepare(Dataset<Row> heldout) {
      Set<String> openings = new HashSet<>();
      for (Row r : heldout.collectAsList()) {
        String o = opening(r.getAs("text"));
        if (o != null) {
          openings.add(o);
        }
      }
      return new OpeningTest(openings);
    }
  }

  private record OpeningTest(Set<String> openings) implements ContaminationTest {
    @Override
    public Optional<String> overlap(String text) {
      String o = opening(text);
      return o != null && openings.contains(o) ? Optional.of("opens like a held-out document")
          : Optional.empty();
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
        String id = row.getAs("id");
        removedRows.add(id);
        // Each row traces back to its page and WARC record.
        assertEquals("https://example.org/" + id, row.getAs("url"));
        assertEquals("test.warc.gz", row.getAs("warc_file"));
        assertEquals("heldout_overlap", row.getAs("reason"));
        assertEquals("opens like a held-out document", row.getAs("detail"));
      }
      assertEquals(expected, removedRows);

      for (ShardRows.Doc d : ShardRows.read(tmp.resolve("shards"), Split.TRAIN)) {
        assertTrue(!expected.contains(d.docId()), d.docId() + " should have been removed");
      }
    }
  }
}
