package org.winnow.jobs.decontam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.Document;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.jobs.cli.WinnowCli;
import org.winnow.jobs.spark.SparkSchemas;
import org.winnow.jobs.testing.SharedSpark;

/** Decontamination end to end: a held-out item leaked into training is found, per source. */
class DecontaminateJobTest {
  static final String QA = "Which river flows through the city of Vienna before it reaches "
      + "Budapest and finally the Black Sea after crossing many countries";
  static final String HELD = "The committee adopted the resolution on fisheries policy after a "
      + "long debate about quotas and the protection of young fish in northern waters";

  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();
  private static String input;
  private static Path evalTxt;
  private static Path heldout;

  @BeforeAll
  static void setUp() throws Exception {
    List<Document> docs = List.of(
        doc("clean", "A page about cooking pasta with tomatoes, garlic and a little olive oil, "
            + "served with fresh basil from the garden on a warm summer evening."),
        doc("leak-qa", "Quiz night! " + QA + "? Answer: the Danube."),
        doc("leak-held", "Minutes. " + HELD + ". The session closed at noon."),
        doc("near-miss", "Which river flows through the city of Vienna before it reaches Prague"));
    List<Row> rows = new ArrayList<>();
    for (Document d : docs) {
      rows.add(RowFactory.create(DocumentSchema.values(d)));
    }
    input = tmp.resolve("train").toString();
    SPARK.session().createDataFrame(rows, SparkSchemas.document()).write().parquet(input);
    evalTxt = tmp.resolve("trivia.txt");
    Files.writeString(evalTxt, QA + "\nshort question\n");
    heldout = tmp.resolve("heldout");
    List<Row> held = new ArrayList<>();
    held.add(RowFactory.create(DocumentSchema.values(doc("h1", HELD))));
    SPARK.session().createDataFrame(held, SparkSchemas.document()).withColumn("source",
        org.apache.spark.sql.functions.lit("europarl-heldout")).write().parquet(heldout.toString());
  }

  static Document doc(String id, String text) {
    return new Document(id, "http://x/" + id, "x", "web", Instant.EPOCH, "en", 1, "", text,
        "t.warc", 0, 0);
  }

  @Test
  void flagsLeakedTextsAndReportsOverlapPerSource() {
    Path out = tmp.resolve("flag");
    DecontaminateReport r =
        new DecontaminateJob(SPARK.session(), new PrintWriter(Writer.nullWriter())).run(
            new DecontaminateSpec(List.of(input), List.of(evalTxt.toString(), heldout.toString()),
                out.toString(), 13, 1, false, false));
    assertEquals(2, r.flagged());
    assertEquals(4, r.ledger().kept());
    Map<String, Integer> ngrams = new HashMap<>();
    Map<String, String> source = new HashMap<>();
    for (Row row : SPARK.session().read().parquet(out.toString()).collectAsList()) {
      ngrams.put(row.getAs("id"), row.getAs(DecontaminateJob.NGRAMS));
      source.put(row.getAs("id"), row.getAs(DecontaminateJob.SOURCE));
    }
    assertEquals(0, ngrams.get("clean"));
    assertEquals(0, ngrams.get("near-miss"));
    assertTrue(ngrams.get("leak-qa") >= 5, ngrams.toString());
    assertEquals("trivia", source.get("leak-qa"));
    assertEquals("europarl-heldout", source.get("leak-held"));
    Map<String, SourceOverlap> bySource = new HashMap<>();
    r.overlap().forEach(o -> bySource.put(o.source(), o));
    assertEquals(1, bySource.get("trivia").documents());
    assertEquals(2, bySource.get("trivia").texts());
    assertEquals(1, bySource.get("trivia").tooShort());
    assertEquals(1, bySource.get("europarl-heldout").documents());
  }

  @Test
  void removeModeThroughTheCommandLine() {
    Path out = tmp.resolve("remove");
    StringWriter o = new StringWriter();
    int code = WinnowCli.execute(new String[] {"decontaminate", "--input", input, "--against",
        evalTxt.toString(), "--output", out.toString(), "--remove", "--master", "local[2]"},
        new PrintWriter(o), new PrintWriter(Writer.nullWriter()));
    assertEquals(0, code, o.toString());
    assertTrue(o.toString().contains("trivia"), o.toString());
    assertEquals(3, SPARK.session().read().parquet(out.toString()).count());
    Row removed = SPARK.session().read().parquet(out.resolve("_removed").toString()).first();
    assertEquals("leak-qa", removed.getAs("id"));
    assertTrue(((String) removed.getAs("detail")).contains("13-grams with trivia"));
    // Lineage, not the protected text.
    assertEquals("http://x/leak-qa", removed.getAs("url"));
    assertEquals("t.warc", removed.getAs("warc_file"));
    assertEquals("", removed.getAs("text"));
    assertEquals(0, SPARK.session().read().parquet(out.resolve("_rejected").toString()).count());
  }

  @Test
  void aSecondRunReplacesTheContaminationColumnsAndTheLedgerBalances() {
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    DecontaminateJob job = new DecontaminateJob(SPARK.session(),
        new PrintWriter(Writer.nullWriter()));
    job.run(new DecontaminateSpec(List.of(input), List.of(evalTxt.toString()), first.toString(),
        13, 1, false, false));
    DecontaminateReport r = job.run(new DecontaminateSpec(List.of(first.toString()),
        List.of(heldout.toString()), second.toString(), 13, 1, true, false));
    assertEquals(1, r.flagged());
    assertEquals(4, r.ledger().in());
    assertEquals(3, r.ledger().kept());
    assertEquals(1, r.ledger().removedTotal());
    Dataset<Row> kept = SPARK.session().read().parquet(second.toString());
    List<String> columns = List.of(kept.columns());
    assertEquals(columns.indexOf(DecontaminateJob.NGRAMS),
        columns.lastIndexOf(DecontaminateJob.NGRAMS), columns.toString());
    assertEquals(columns.size() - 2, columns.indexOf(DecontaminateJob.NGRAMS));
    Map<String, Integer> ngrams = new HashMap<>();
    for (Row row : kept.collectAsList()) {
      ngrams.put(row.getAs("id"), row.getAs(DecontaminateJob.NGRAMS));
    }
    // The trivia item counted in the first run; this run looked for the held-out text only.
    assertEquals(Map.of("clean", 0, "leak-qa", 0, "near-miss", 0), ngrams);
  }

  @Test
  void anInputWithoutTextIsAClearError() {
    Path noText = tmp.resolve("no-text");
    SPARK.session().read().parquet(input).drop("text").write().parquet(noText.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DecontaminateJob(SPARK.session(), new PrintWriter(Writer.nullWriter())).run(
            new DecontaminateSpec(List.of(noText.toString()), List.of(evalTxt.toString()),
                tmp.resolve("no-text-out").toString(), 13, 1, false, false)));
    assertTrue(e.getMessage().contains("'text'"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("no-text-out")));
  }

  @Test
  void badArgumentsAreUsageErrors() {
    int code = WinnowCli.execute(new String[] {"decontaminate", "--input", input, "--against",
        evalTxt.toString(), "--output", "x", "--min-matches", "0"},
        new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
    assertEquals(WinnowCli.USAGE, code);
    code = WinnowCli.execute(new String[] {"dedup", "--input", input, "--output", "x",
        "--mode", "exact,sideways"}, new PrintWriter(Writer.nullWriter()),
        new PrintWriter(Writer.nullWriter()));
    assertEquals(WinnowCli.USAGE, code);
  }
}
