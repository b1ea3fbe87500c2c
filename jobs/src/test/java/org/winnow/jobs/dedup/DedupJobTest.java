package org.winnow.jobs.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.Document;
import org.winnow.core.ledger.Ledger;
import org.winnow.jobs.testing.SharedSpark;

/** The dedup job end to end in local[2] on a corpus with duplicates of every kind in known places. */
class DedupJobTest {
  private static final String COOKIE = "We use cookies to improve your experience. Accept all cookies.";

  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();
  private static String input;
  private static DedupReport report;
  private static Path out;
  private static final StringWriter LOG = new StringWriter();

  @BeforeAll
  static void runOnce() {
    Random r = new Random(1);
    List<Document> docs = new ArrayList<>();
    String base = DedupFixtures.words(r, 400);
    docs.add(DedupFixtures.doc("orig", "http://a.org/1", "web", 1, base));
    // Same text after normalisation (case, punctuation, spacing), fetched later.
    docs.add(DedupFixtures.doc("copy", "http://b.org/copy", "web", 5,
        base.toUpperCase().replace(" ", "  ,  ")));
    // Same URL as "orig" modulo normalisation, different text.
    docs.add(DedupFixtures.doc("sameurl", "https://www.A.org/1/#x", "web", 3, DedupFixtures.words(r, 300)));
    String near = DedupFixtures.words(r, 500);
    docs.add(DedupFixtures.doc("near1", "http://c.org/n1", "web", 2, near));
    docs.add(DedupFixtures.doc("near2", "http://c.org/n2", "web", 4, DedupFixtures.edited(near, 60, r)));
    for (int i = 0; i < 12; i++) {
      docs.add(DedupFixtures.doc("boiler" + i, "http://d.org/" + i, "web", 10 + i,
          COOKIE + "\n\n" + DedupFixtures.words(r, 200)));
    }
    docs.add(DedupFixtures.doc("empty", "http://e.org/empty", "web", 1, ""));
    docs.add(DedupFixtures.doc("one", "http://e.org/one", "web", 1, "word"));
    docs.add(DedupFixtures.doc("one2", "http://e.org/one2", "web", 2, "Word!"));
    input = DedupFixtures.write(SPARK.session(), tmp.resolve("in"), docs);
    // One row with a null text: rejected with a reason, never lost.
    SPARK.session().read().parquet(input).limit(1)
        .withColumn("id", org.apache.spark.sql.functions.lit("nulltext"))
        .withColumn("text", org.apache.spark.sql.functions.lit(null).cast("string"))
        .write().mode("append").parquet(input);
    out = tmp.resolve("out");
    report = new DedupJob(SPARK.session(), new PrintWriter(LOG, true))
        .run(DedupSpec.defaults(List.of(input), out.toString()));
  }

  private static Map<String, Row> byId(Dataset<Row> rows) {
    Map<String, Row> m = new HashMap<>();
    for (Row row : rows.collectAsList()) {
      m.put(row.getAs("id"), row);
    }
    return m;
  }

  @Test
  void ledgerBalancesWithEveryReason() {
    Ledger l = report.ledger();
    assertTrue(l.balanced(), l::toJson);
    assertEquals(21, l.in());
    assertEquals(Map.of("exact_duplicate", 2L, "url_duplicate", 1L, "near_duplicate", 1L), l.removed());
    assertEquals(Map.of("missing_text", 1L), l.rejected());
    assertEquals(16, l.kept());
    assertEquals(Map.of("repeated_lines", 12L), l.modified());
    assertEquals(List.of("exact_text", "exact_url", "fuzzy", "lines"),
        report.steps().stream().map(Ledger::stage).toList());
    assertTrue(report.removedChars() >= 12L * COOKIE.length(), "removed " + report.removedChars());
  }

  @Test
  void removedRowsNameTheKeptDocument() {
    Map<String, Row> removed =
        byId(SPARK.session().read().parquet(out.resolve("_removed").toString()));
    assertEquals("duplicate of orig", removed.get("copy").getAs("detail"));
    assertEquals("exact_duplicate", removed.get("copy").getAs("reason"));
    assertEquals("duplicate of one", removed.get("one2").getAs("detail"));
    assertEquals("duplicate of orig", removed.get("sameurl").getAs("detail"));
    assertEquals("url_duplicate", removed.get("sameurl").getAs("reason"));
    assertEquals("duplicate of near1", removed.get("near2").getAs("detail"));
    assertEquals("near_duplicate", removed.get("near2").getAs("reason"));
    Map<String, Row> rejected =
        byId(SPARK.session().read().parquet(out.resolve("_rejected").toString()));
    assertEquals("missing_text", rejected.get("nulltext").getAs("reason"));
  }

  @Test
  void keptDocumentsCarryDupCountClusterAndCleanText() throws Exception {
    Map<String, Row> kept = byId(SPARK.session().read().parquet(out.toString()));
    assertEquals(16, kept.size());
    assertEquals(2L, (long) kept.get("orig").getAs("dup_count"));
    assertEquals(1L, (long) kept.get("near1").getAs("dup_count"));
    assertEquals("near1", kept.get("near1").getAs("minhash_cluster"));
    assertEquals(0L, (long) kept.get("boiler3").getAs("dup_count"));
    assertEquals("boiler3", kept.get("boiler3").getAs("minhash_cluster"));
    assertFalse(((String) kept.get("boiler3").getAs("text")).contains("cookies"));
    assertEquals("", kept.get("empty").getAs("text"));
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    assertTrue(Files.exists(out.resolve("_minhash_index.json")));
    assertEquals(report.ledger().in(), Ledger.fromJson(Files.readString(out.resolve("_ledger.json"))).in());
    String json = Files.readString(out.resolve("_ledger.json"));
    assertTrue(json.contains("\"steps\""), json);
    assertTrue(json.contains("\"cc_rounds\""), json);
  }

  @Test
  void printsTheSCurveAndRoundCount() {
    String log = LOG.toString();
    assertTrue(log.contains("S-curve for 14 bands x 8 rows"), log);
    assertTrue(log.contains("connected components converged in " + report.ccRounds() + " rounds"), log);
  }

  @Test
  void rerunOfAFinishedOutputIsANoOp() {
    DedupReport again = new DedupJob(SPARK.session(), new PrintWriter(new StringWriter()))
        .run(DedupSpec.defaults(List.of(input), out.toString()));
    assertTrue(again.skipped());
    assertEquals(report.ledger().kept(), again.ledger().kept());
  }
}
