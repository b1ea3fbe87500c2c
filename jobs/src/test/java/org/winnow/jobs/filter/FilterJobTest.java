package org.winnow.jobs.filter;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.Document;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.ledger.LedgerImbalanceException;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.filter.Evaluation;
import org.winnow.filter.FilterConfig;
import org.winnow.filter.FilterPipeline;
import org.winnow.filter.classify.ClassifierTrainer;
import org.winnow.filter.classify.LabeledText;
import org.winnow.filter.classify.QualityClassifier;
import org.winnow.filter.classify.TrainingSettings;
import org.winnow.filter.signals.SignalSchema;
import org.winnow.jobs.io.TaskSideFiles;
import org.winnow.jobs.spark.SparkSchemas;
import org.winnow.jobs.testing.SharedSpark;

/** The filter and signals jobs end to end in local[2] on documents with known fates. */
class FilterJobTest {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());
  private static final String EXTRA = "crawl_batch";

  static final String CLEAN = """
      The committee met on %s to discuss the new proposal for regional transport. \
      Several members argued that the plan would help rural towns that have lost their bus \
      services over the past decade. Others were worried about the cost and asked for a \
      detailed budget before the vote. The chair agreed to publish the figures next month.
      After a long debate, the committee decided to hold a public hearing in the spring. \
      Residents will be able to send written comments by post or by e-mail to \
      transport%d@example.org until the end of March. The final decision is expected in June.""";

  private static final String[] GOOD = ("the committee has examined the proposal carefully and "
      + "believes that the regulation should protect consumers while supporting small firms "
      + "across the member states in a fair and transparent manner").split(" ");
  private static final String[] BAD = ("click here buy now cheap free best price login "
      + "register cart home menu cookies accept subscribe download casino bonus win").split(" ");

  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();
  private static Path docs;
  private static FilterReport first;
  /** The valid documents of {@link #docs}, as the plain loop sees them. */
  private static final List<Document> valid = new ArrayList<>();

  @BeforeAll
  static void filterOnce() {
    docs = tmp.resolve("docs");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      valid.add(document("clean-" + i, String.format(CLEAN, "day " + i, i)));
      rows.add(row(valid.get(valid.size() - 1), "b1"));
    }
    for (int i = 0; i < 10; i++) {
      valid.add(document("spam-" + i, ("BUY NOW!!! " + i + " ").repeat(5) + "\n"
          + "click here\n".repeat(10)));
      rows.add(row(valid.get(valid.size() - 1), "b2"));
    }
    Row broken = row(document("broken", "text"), "b3");
    Object[] malformed = new Object[broken.size()];
    for (int i = 0; i < malformed.length; i++) {
      malformed[i] = broken.get(i);
    }
    malformed[DocumentSchema.COLUMNS.indexOf(DocumentSchema.TEXT)] = null;
    rows.add(RowFactory.create(malformed));
    write(rows, docs);
    first = run(docs, tmp.resolve("filtered"), FilterConfig.defaults(), Optional.empty(),
        FilterSpec.Mode.FILTER, false);
  }

  static Document document(String id, String text) {
    return new Document(id, "https://example.org/" + id, "example.org", "test",
        Instant.parse("2024-01-02T03:04:05Z"), "en", 0.9, "A title", text, "crawl.warc.gz",
        Math.abs(id.hashCode()), 0);
  }

  private static StructType inputSchema() {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : SparkSchemas.document().fields()) {
      fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
    }
    fields.add(DataTypes.createStructField(EXTRA, DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }

  private static Row row(Document d, String extra) {
    Object[] core = DocumentSchema.values(d);
    Object[] v = new Object[core.length + 1];
    System.arraycopy(core, 0, v, 0, core.length);
    v[core.length] = extra;
    return RowFactory.create(v);
  }

  private static void write(List<Row> rows, Path dir) {
    SPARK.session().createDataFrame(rows, inputSchema()).coalesce(2).write()
        .parquet(dir.toString());
  }

  private static FilterReport run(Path in, Path out, FilterConfig config, Optional<Path> model,
      FilterSpec.Mode mode, boolean force) {
    return new FilterJob(SPARK.session(), QUIET).run(spec(in, out, config, model, mode, force));
  }

  private static FilterSpec spec(Path in, Path out, FilterConfig config, Optional<Path> model,
      FilterSpec.Mode mode, boolean force) {
    return new FilterSpec(List.of(in.toString()), out.toString(), config.yaml(),
        config.source(), model.map(Path::toString), mode, force);
  }

  @Test
  void aRerunInTheSameSessionCompilesNoNewCode() {
    // Spark caches generated code per session class loader; a job that made a new session per
    // run compiled its queries again every time, and the JIT compiled the new classes again.
    long before = CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
    run(docs, tmp.resolve("rerun"), FilterConfig.defaults(), Optional.empty(),
        FilterSpec.Mode.FILTER, false);
    assertEquals(0, CodegenMetrics.METRIC_COMPILATION_TIME().getCount() - before);
  }

  @Test
  void ledgerBalancesWithTheFirstFailingRuleAsReason() {
    Ledger l = first.ledger();
    assertTrue(l.balanced(), l::toJson);
    assertEquals(51, l.in());
    assertEquals(40, l.kept());
    assertEquals(10, l.removedTotal());
    assertEquals(java.util.Map.of(FilterPartitionTask.MALFORMED, 1L), l.rejected());
    assertEquals(40L, l.modified().get("pii_email"));
    Dataset<Row> removed = SPARK.session().read().parquet(
        tmp.resolve("filtered").resolve(DroppedSchema.REMOVED_DIR).toString());
    assertEquals(10, removed.count());
    for (Row r : removed.collectAsList()) {
      assertTrue(r.getString(r.fieldIndex("id")).startsWith("spam-"));
      assertEquals("filter", r.getString(r.fieldIndex("stage")));
      assertTrue(l.removed().containsKey(r.getString(r.fieldIndex("reason"))));
    }
  }

  @Test
  void keptDocumentsCarryEveryInputColumnTheSignalsAndRedactedText() {
    Dataset<Row> kept = SPARK.session().read().parquet(tmp.resolve("filtered").toString());
    List<String> columns = List.of(kept.columns());
    assertTrue(columns.contains(EXTRA), columns.toString());
    for (var c : SignalSchema.COLUMNS) {
      assertTrue(columns.contains(c.name()), c.name());
    }
    assertFalse(columns.contains(SparkSchemas.FATE));
    Row one = kept.where(col("id").equalTo("clean-7")).first();
    assertEquals("b1", one.getString(one.fieldIndex(EXTRA)));
    String text = one.getString(one.fieldIndex("text"));
    assertTrue(text.contains("by e-mail to <EMAIL> until"), text);
    Document d = document("clean-7", String.format(CLEAN, "day 7", 7));
    int words = (int) new FilterPipeline(FilterConfig.defaults()).signals(d)
        .get(SignalSchema.WORD_COUNT);
    assertEquals(words, one.getInt(one.fieldIndex(SignalSchema.WORD_COUNT.name())));
  }

  @Test
  void perRuleCountsSayWhatEachRuleRemovedAndWouldRemoveAlone() throws IOException {
    long removedSum = 0;
    for (RuleCount c : first.rules()) {
      assertTrue(c.alone() >= c.removed(), c.toString());
      removedSum += c.removed();
    }
    assertEquals(10, removedSum);
    assertTrue(first.rules().stream().anyMatch(c -> c.alone() == 10 && c.removed() < 10));
    JsonNode ledger = new ObjectMapper().readTree(
        tmp.resolve("filtered").resolve(Ledger.FILE_NAME).toFile());
    assertEquals(first.rules().size(), ledger.get("rules").size());
    assertEquals(40, ledger.get("pii_matches").get("pii_email").asLong());
    String table = FilterSummary.render(first, "filter");
    assertTrue(table.contains("gopher_word_count"), table);
  }

  @Test
  void aFinishedOutputIsLeftAloneAndForceRedoesItIdentically() throws IOException {
    FilterReport again = run(docs, tmp.resolve("filtered"), FilterConfig.defaults(),
        Optional.empty(), FilterSpec.Mode.FILTER, false);
    assertTrue(again.skipped());
    assertEquals(first.ledger().toJson(), again.ledger().toJson());
    Path other = tmp.resolve("filtered-again");
    run(docs, other, FilterConfig.defaults(), Optional.empty(), FilterSpec.Mode.FILTER, false);
    assertEquals(partBytes(tmp.resolve("filtered")), partBytes(other));
    assertEquals(keptIds(tmp.resolve("filtered")), keptIds(other));
    for (String side : List.of(DroppedSchema.REMOVED_DIR, DroppedSchema.REJECTED_DIR)) {
      List<String> bytes = partBytes(tmp.resolve("filtered").resolve(side));
      assertFalse(bytes.isEmpty(), side);
      assertEquals(bytes, partBytes(other.resolve(side)), side);
    }
  }

  /** The kept ids file by file, in file name order: the order a reader meets them in. */
  private static List<String> keptIds(Path dir) throws IOException {
    List<String> ids = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-"))
          .sorted().toList()) {
        for (Row r : SPARK.session().read().parquet(p.toString()).select("id").collectAsList()) {
          ids.add(r.getString(0));
        }
      }
    }
    return ids;
  }

  @Test
  void theTallyEqualsThePipelineRunInAPlainLoop() {
    FilterPipeline pipeline = new FilterPipeline(FilterConfig.defaults());
    Ledger loop = new Ledger("filter");
    java.util.Map<String, Long> failing = new java.util.TreeMap<>();
    java.util.Map<String, Long> pii = new java.util.TreeMap<>();
    long chars = 0;
    for (Document d : valid) {
      Evaluation e = pipeline.evaluate(d);
      loop.record(e.outcome());
      e.failedRules().forEach(r -> failing.merge(r, 1L, Long::sum));
      e.pii().forEach((k, v) -> pii.merge(k, (long) v, Long::sum));
      chars += e.kept() ? e.cleaning().charsRemoved() : 0;
    }
    loop.count(Fate.REJECTED, FilterPartitionTask.MALFORMED, 1);
    assertEquals(loop.toJson(), first.ledger().toJson());
    List<RuleCount> expected = new ArrayList<>();
    for (String rule : pipeline.ruleNames()) {
      expected.add(new RuleCount(rule, loop.removed().getOrDefault(rule, 0L),
          failing.getOrDefault(rule, 0L)));
    }
    assertEquals(expected, first.rules());
    assertEquals(pii, first.piiMatches());
    assertEquals(chars, first.charsRemoved());
  }

  @Test
  void sideFilesOfAFailedAttemptAreDeletedBeforeTheCheck() throws IOException {
    Path out = tmp.resolve("stray");
    FilterReport r = new FilterJob(SPARK.session(), QUIET, staging -> {
      // What a failed attempt of a task that removed documents leaves: a whole file of rows.
      Path removed = Path.of(java.net.URI.create(staging)).resolve(DroppedSchema.REMOVED_DIR);
      copyFirstPart(removed, removed.resolve(TaskSideFiles.fileName(0, 9)));
    }).run(spec(docs, out, FilterConfig.defaults(), Optional.empty(), FilterSpec.Mode.FILTER,
        false));
    assertEquals(first.ledger().toJson(), r.ledger().toJson());
    try (var files = Files.list(out.resolve(DroppedSchema.REMOVED_DIR))) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith("-9.parquet")));
    }
    assertEquals(10, SPARK.session().read()
        .parquet(out.resolve(DroppedSchema.REMOVED_DIR).toString())
        .count());
  }

  @Test
  void keptRowsTheLedgerDoesNotCountFailTheRun() {
    Path out = tmp.resolve("unbalanced");
    FilterJob job = new FilterJob(SPARK.session(), QUIET, staging -> {
      Path dir = Path.of(java.net.URI.create(staging));
      copyFirstPart(dir, dir.resolve("part-99999-extra.parquet"));
    });
    FilterSpec spec = spec(docs, out, FilterConfig.defaults(), Optional.empty(),
        FilterSpec.Mode.FILTER, false);
    assertThrows(LedgerImbalanceException.class, () -> job.run(spec));
    assertFalse(Files.exists(out.resolve(Ledger.FILE_NAME)));
  }

  private static void copyFirstPart(Path dir, Path to) {
    try (var files = Files.list(dir)) {
      Path part = files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted()
          .findFirst().orElseThrow();
      Files.copy(part, to);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void uniqueStringColumnsAndRatioSignalsAreWrittenWithoutADictionary() throws IOException {
    Path part;
    try (var files = Files.list(tmp.resolve("filtered"))) {
      part = files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted()
          .findFirst().orElseThrow();
    }
    Configuration conf = new Configuration();
    try (ParquetFileReader reader = ParquetFileReader.open(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(part.toUri()), conf))) {
      java.util.Map<String, Boolean> dictionary = new java.util.HashMap<>();
      for (ColumnChunkMetaData c : reader.getFooter().getBlocks().get(0).getColumns()) {
        dictionary.put(c.getPath().toDotString(), c.hasDictionaryPage());
      }
      for (String unique : List.of("id", "url", "title", "text")) {
        assertFalse(dictionary.get(unique), unique + " in " + part + " ("
            + reader.getRecordCount() + " rows): " + dictionary);
      }
      assertFalse(dictionary.get(SignalSchema.MEAN_WORD_LENGTH.name()), dictionary.toString());
      assertFalse(dictionary.get(SignalSchema.LINE_PUNCT_RATIO.name()), dictionary.toString());
      assertTrue(dictionary.get("source"), dictionary.toString());
      assertTrue(dictionary.get(SignalSchema.WORD_COUNT.name()), dictionary.toString());
    }
  }

  private static List<String> partBytes(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-"))
          .sorted().toList()) {
        out.add(java.util.HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  @Test
  void signalsModeKeepsEveryValidDocument() {
    FilterReport r = run(docs, tmp.resolve("signals"), FilterConfig.defaults(), Optional.empty(),
        FilterSpec.Mode.SIGNALS, false);
    assertEquals(50, r.ledger().kept());
    assertEquals(1, r.ledger().rejectedTotal());
    assertTrue(r.ledger().modified().isEmpty());
    Row spam = SPARK.session().read().parquet(tmp.resolve("signals").toString())
        .where(col("id").equalTo("spam-3")).first();
    assertTrue(spam.getString(spam.fieldIndex("text")).startsWith("BUY NOW!!! 3"));
    assertFalse(spam.isNullAt(spam.fieldIndex(SignalSchema.TOP_2GRAM_CHAR_FRACTION.name())));
  }

  @Test
  void keptTextsInAnyScriptComeOutAsTheyWentInUnderTheInputsOwnSchema() {
    // The task passes an unchanged text's UTF-8 bytes through; one it changes is encoded anew.
    String[] texts = {
        String.format(CLEAN, "day 1", 1).replace("transport1@example.org", "the town hall"),
        "Η επιτροπή συνεδρίασε για να συζητήσει τη νέα πρόταση για τις περιφερειακές μεταφορές. "
            .repeat(8),
        "委员会开会讨论了关于地区交通的新提案。许多成员认为该计划将有助于农村城镇。".repeat(8),
        "Café, naïve, façade — and an emoji 🚌 on the way to the next town. ".repeat(8),
        String.format(CLEAN, "día 2 — ¿qué? 🚌", 2)};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      rows.add(row(document("script-" + i, texts[i]), "b" + i));
    }
    Path in = tmp.resolve("scripts");
    write(rows, in);
    Path out = tmp.resolve("scripts-signals");
    run(in, out, FilterConfig.defaults(), Optional.empty(), FilterSpec.Mode.SIGNALS, false);
    Dataset<Row> kept = SPARK.session().read().parquet(out.toString());
    StructType expected = FilterRowLayout.of(SPARK.session().read().parquet(in.toString())
        .schema()).kept();
    assertEquals(expected.simpleString(), kept.schema().simpleString());
    for (int i = 0; i < texts.length; i++) {
      Row r = kept.where(col("id").equalTo("script-" + i)).first();
      assertEquals(texts[i], r.getString(r.fieldIndex("text")));
      assertEquals("b" + i, r.getString(r.fieldIndex(EXTRA)));
    }

    Path filtered = tmp.resolve("scripts-filtered");
    run(in, filtered, FilterConfig.defaults(), Optional.empty(), FilterSpec.Mode.FILTER, false);
    Row redacted = SPARK.session().read().parquet(filtered.toString())
        .where(col("id").equalTo("script-4")).first();
    assertEquals(texts[4].replace("transport2@example.org", "<EMAIL>"),
        redacted.getString(redacted.fieldIndex("text")));
  }

  @Test
  void aPercentileRuleKeepsTheTopShareOfTheQualityScore() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    List<LabeledText> training = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      boolean positive = random.nextBoolean();
      training.add(new LabeledText(words(random, positive, 30), positive));
    }
    QualityClassifier model = new ClassifierTrainer(new TrainingSettings(16, 5, 0.5, 42))
        .train(training.iterator());
    Path modelFile = tmp.resolve("quality.model");
    try (OutputStream out = Files.newOutputStream(modelFile)) {
      model.write(out);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(row(document("q-" + i, words(random, random.nextBoolean(), 60)), "q"));
    }
    Path in = tmp.resolve("quality-docs");
    write(rows, in);
    FilterConfig top30 = FilterConfig.parse("""
        rules:
          - name: quality_top30
            signal: quality_score
            min_percentile: 70
            per_lang: false
        """, "top30.yaml");
    FilterReport r = run(in, tmp.resolve("top30"), top30, Optional.of(modelFile),
        FilterSpec.Mode.FILTER, false);
    assertTrue(r.ledger().kept() >= 54 && r.ledger().kept() <= 66, r.ledger()::toJson);
    double cut = r.cutoffs().get("quality_top30").get("*");
    Dataset<Row> kept = SPARK.session().read().parquet(tmp.resolve("top30").toString());
    assertEquals(r.ledger().kept(),
        kept.where(col(SignalSchema.QUALITY_SCORE.name()).geq(cut)).count());
  }

  @Test
  void rulesOnQualityScoreWithoutAModelFailBeforeAnyTaskRuns() {
    FilterConfig top = FilterConfig.parse("""
        rules:
          - name: quality_top10
            signal: quality_score
            min_percentile: 90
        """, "top10.yaml");
    assertThrows(IllegalArgumentException.class, () -> run(docs, tmp.resolve("no-model"), top,
        Optional.empty(), FilterSpec.Mode.FILTER, false));
    assertFalse(Files.exists(tmp.resolve("no-model").resolve(Ledger.FILE_NAME)));
  }

  @Test
  void theQualityClassifierTrainsFromLabelledParquet() {
    SplittableRandom random = new SplittableRandom(11);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      boolean positive = random.nextBoolean();
      rows.add(RowFactory.create(words(random, positive, 40), positive ? 1 : 0));
    }
    Path in = tmp.resolve("labelled");
    SPARK.session().createDataFrame(rows, DataTypes.createStructType(List.of(
            DataTypes.createStructField("text", DataTypes.StringType, false),
            DataTypes.createStructField("label", DataTypes.IntegerType, false))))
        .write().parquet(in.toString());
    Path model = tmp.resolve("trained.model");
    QualityTraining.Result r = QualityTraining.run(SPARK.session(), new QualityTrainingSpec(
        List.of(in.toString()), "text", "label", Optional.empty(), 0.2,
        new TrainingSettings(16, 5, 0.5, 42), model.toString()));
    assertTrue(Files.exists(model));
    assertTrue(r.examples() > 1000 && r.examples() < 1400, "examples " + r.examples());
    assertTrue(r.evaluation().orElseThrow().auroc() > 0.9, r.toString());
  }

  /** Words drawn 75% from one class's vocabulary: separable, not trivially. */
  private static String words(SplittableRandom r, boolean positive, int n) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < n; w++) {
      String[] vocab = positive == (r.nextInt(100) < 75) ? GOOD : BAD;
      sb.append(vocab[r.nextInt(vocab.length)]).append(w % 12 == 11 ? ". " : " ");
    }
    return sb.toString();
  }
}
