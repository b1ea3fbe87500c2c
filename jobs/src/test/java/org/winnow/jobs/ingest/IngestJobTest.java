package org.winnow.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.output.AtomicOutput;
import org.winnow.core.output.OutputConflictException;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.ingest.IngestConfig;
import org.winnow.jobs.cli.WinnowCli;
import org.winnow.jobs.io.NoInputException;
import org.winnow.jobs.testing.SharedSpark;
import org.winnow.jobs.testing.TestWarcs;

/** The ingest job end to end on small generated WARC files with bad records in known places. */
class IngestJobTest {
  private static final long MIB = 1024 * 1024;
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();
  private static TestWarcs.Fixture fixture;
  private static Path out;
  private static IngestReport first;

  @BeforeAll
  static void ingestOnce() throws IOException {
    fixture = TestWarcs.write(tmp.resolve("warc"), 3, 4, true);
    out = tmp.resolve("out");
    first = run(out, false);
  }

  private static IngestReport run(Path output, boolean force) {
    IngestSpec spec = new IngestSpec(List.of(tmp.resolve("warc").toString()), output.toString(),
        IngestConfig.defaults("test"), 64 * MIB, force);
    return new IngestJob(SPARK.session(), QUIET).run(spec);
  }

  @Test
  void ledgerBalancesAndMatchesTheRecordsWritten() {
    Ledger l = first.ledger();
    assertFalse(first.skipped());
    assertTrue(l.balanced(), l::toJson);
    assertEquals(fixture.expectedIn(), l.in(), l::toJson);
    assertEquals(fixture.pages(), l.kept(), l::toJson);
    assertEquals(Map.of("empty_page", 1L), l.removed(), l::toJson);
    assertEquals(Map.of("truncated_warc", 1L, "unsupported_content_type", 1L), l.rejected(), l::toJson);
    assertEquals(l.kept(), SPARK.session().read().parquet(out.toString()).count());
    assertEquals(fixture.files().size(), first.inputs().size());
  }

  @Test
  void keptDocumentsHaveTheCoreColumnsInOrder() {
    Dataset<Row> kept = SPARK.session().read().parquet(out.toString());
    List<String> expected = DocumentSchema.COLUMNS.stream().map(c -> c.name()).toList();
    assertEquals(expected, List.of(kept.columns()));
    assertEquals(0, kept.where(col("source").notEqual("test")).count());
    assertEquals(0, kept.where(col("text").equalTo("").or(col("fetch_time").isNull())).count());
    assertTrue(kept.where(col("url").startsWith("https://europarl.example/debates/")).count() > 0);
  }

  @Test
  void sideDatasetsHoldTheDropsWithReasons() {
    List<Row> removed = SPARK.session().read()
        .parquet(out.resolve(DroppedSchema.REMOVED_DIR).toString())
        .select("url", "stage", "reason").collectAsList();
    assertEquals(1, removed.size());
    assertEquals(TestWarcs.EMPTY_URL, removed.get(0).getString(0));
    assertEquals("ingest", removed.get(0).getString(1));
    assertEquals("empty_page", removed.get(0).getString(2));

    Dataset<Row> rejected = SPARK.session().read()
        .parquet(out.resolve(DroppedSchema.REJECTED_DIR).toString());
    assertEquals(DroppedSchema.COLUMNS.stream().map(c -> c.name()).toList(),
        List.of(rejected.columns()));
    Map<String, Row> byReason = new TreeMap<>();
    for (Row r : rejected.collectAsList()) {
      byReason.put(r.getAs("reason"), r);
    }
    assertEquals(TestWarcs.IMAGE_URL, byReason.get("unsupported_content_type").getAs("url"));
    Row cut = byReason.get("truncated_warc");
    String lastFile = fixture.files().get(fixture.files().size() - 1).getFileName().toString();
    assertTrue(cut.<String>getAs("warc_file").endsWith(lastFile), cut::toString);
    assertFalse(cut.<String>getAs("detail").isEmpty(), cut::toString);
  }

  @Test
  void ledgerFileCarriesCountsAndRunFacts() throws IOException {
    String json = Files.readString(out.resolve(Ledger.FILE_NAME));
    Ledger read = Ledger.fromJson(json);
    assertEquals(first.ledger().in(), read.in());
    assertEquals(first.ledger().rejected(), read.rejected());
    JsonNode root = new ObjectMapper().readTree(json);
    assertEquals("ingest", root.get("stage").asText());
    assertEquals(fixture.files().size(), root.get("input_files").size());
    assertTrue(root.get("input_bytes").asLong() > 0);
    assertTrue(root.get("elapsed_s").asDouble() > 0);
    assertTrue(root.has("docs_per_s"));
    assertTrue(root.has("cpu_s_per_input_gb"));
    assertTrue(Files.exists(out.resolve(AtomicOutput.SUCCESS)));
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains("staging")),
          "the staging directory is gone after the commit");
    }
  }

  @Test
  void rerunWithoutForceIsANoOpAndForceRedoesIdentically() throws IOException {
    Path ledger = out.resolve(Ledger.FILE_NAME);
    FileTime before = Files.getLastModifiedTime(ledger);
    Map<String, byte[]> partsBefore = partFiles(out);
    List<List<Row>> rowsBefore = rowsPerPart(out);

    IngestReport again = run(out, false);
    assertTrue(again.skipped());
    assertEquals(first.ledger().in(), again.ledger().in());
    assertEquals(before, Files.getLastModifiedTime(ledger));

    IngestReport forced = run(out, true);
    assertFalse(forced.skipped());
    assertEquals(first.ledger().toJson(), forced.ledger().toJson());
    assertEquals(rowsBefore, rowsPerPart(out), "same input, same rows in the same files");
    List<byte[]> bytesAfter = new ArrayList<>(partFiles(out).values());
    List<byte[]> bytesBefore = new ArrayList<>(partsBefore.values());
    assertEquals(bytesBefore.size(), bytesAfter.size());
    for (int i = 0; i < bytesBefore.size(); i++) {
      assertTrue(java.util.Arrays.equals(bytesBefore.get(i), bytesAfter.get(i)),
          "part file " + i + " differs between runs");
    }
  }

  @Test
  void refusesAnOutputThatIsNotAFinishedWinnowOutput() throws IOException {
    Path foreign = tmp.resolve("foreign");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "someone's data");
    OutputConflictException e = assertThrows(OutputConflictException.class, () -> run(foreign, false));
    assertTrue(e.getMessage().contains(foreign.getFileName().toString()), e.getMessage());
    assertEquals("someone's data", Files.readString(foreign.resolve("notes.txt")));
  }

  @Test
  void anInputMatchingNothingIsAUsageError() {
    IngestSpec spec = new IngestSpec(List.of(tmp.resolve("nowhere/*.warc.gz").toString()),
        tmp.resolve("never").toString(), IngestConfig.defaults("test"), MIB, false);
    NoInputException e = assertThrows(NoInputException.class, () -> new IngestJob(SPARK.session(),
        QUIET).run(spec));
    assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("never")));
  }

  @Test
  void cliRunsTheJobAndPrintsTheSummary() {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    String[] args = {"ingest", "--input", fixture.files().get(0) + "," + fixture.files().get(1),
        "--output", tmp.resolve("cli-out").toString(), "--source", "cli", "--target-file-mb", "1"};
    int code = WinnowCli.execute(args, new PrintWriter(stdout), new PrintWriter(stderr));
    assertEquals(0, code, stderr::toString);
    String s = stdout.toString();
    assertTrue(s.contains("kept") && s.contains("unsupported_content_type"), s);
    assertTrue(s.contains("docs/s per core") && s.contains("CPU-s per input GB"), s);
    assertTrue(s.contains(tmp.resolve("cli-out").toString()), s);

    StringWriter again = new StringWriter();
    assertEquals(0, WinnowCli.execute(args, new PrintWriter(again), new PrintWriter(stderr)));
    assertTrue(again.toString().contains("skipped"), again::toString);
  }

  private static Map<String, byte[]> partFiles(Path dir) throws IOException {
    Map<String, byte[]> parts = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(TestFiles::isPart).toList()) {
        // Names carry a per-run job id; the part number orders them.
        parts.put(p.getFileName().toString().substring(0, "part-00000".length()), Files.readAllBytes(p));
      }
    }
    return parts;
  }

  private static List<List<Row>> rowsPerPart(Path dir) throws IOException {
    List<List<Row>> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(TestFiles::isPart).sorted().toList()) {
        rows.add(SPARK.session().read().parquet(p.toString()).collectAsList());
      }
    }
    return rows;
  }
}
