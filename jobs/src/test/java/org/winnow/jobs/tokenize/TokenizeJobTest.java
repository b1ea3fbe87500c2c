package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.ledger.Ledger;
import org.winnow.jobs.cli.WinnowCli;
import org.winnow.jobs.testing.SharedSpark;
import org.winnow.loader.Batch;
import org.winnow.loader.DatasetSpec;
import org.winnow.loader.TokenLoader;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.manifest.SplitSummary;
import org.winnow.loader.plan.ShuffleSpec;
import org.winnow.loader.shard.ShardFile;
import org.winnow.loader.shard.Split;
import org.winnow.loader.store.LocalShardStore;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.Tokenizers;

/**
 * The tokenize job end to end on a generated document dataset with one document of each bad
 * kind, against a vocabulary trained on it: what the loader reads back is exactly the input
 * documents' tokens, the ledger balances, and a rerun writes the same bytes.
 */
class TokenizeJobTest {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());
  private static final int PER_SOURCE = 120;
  private static final long SHARD_TOKENS = 6_000;

  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();
  private static TestDocuments docs;
  private static Path vocab;
  private static Tokenizer tokenizer;
  private static Path out;
  private static TokenizeReport first;

  @BeforeAll
  static void tokenizeOnce() throws IOException {
    docs = TestDocuments.write(SPARK.session(), tmp.resolve("docs"), PER_SOURCE, 11);
    vocab = docs.trainVocabulary(tmp.resolve("vocab"), 600);
    tokenizer = Tokenizers.open(vocab);
    out = tmp.resolve("shards");
    first = new TokenizeJob(SPARK.session(), QUIET).run(spec(out).withShardTokens(SHARD_TOKENS));
  }

  private static TokenizeSpec spec(Path output) {
    return TokenizeSpec.of(List.of(docs.dir.toString()), output.toString(), vocab.toString())
        .withHeldoutFraction(0.1)
        .withRowGroupTokens(1_000)
        .withMaxDocumentBytes(TestDocuments.MAX_BYTES);
  }

  /** Every document of {@code split}, in shard order, as the loader's shard reader sees them. */
  private static List<Map.Entry<String, int[]>> read(Path root, Split split) {
    return ShardRows.read(root, split).stream()
        .map(d -> Map.entry(d.docId(), d.tokens())).toList();
  }

  private static int[] expected(String docId) {
    IntArrayList ids = new IntArrayList();
    tokenizer.encode(docs.valid.get(docId)[1], ids);
    ids.add(tokenizer.endOfTextId().getAsInt());
    return ids.toIntArray();
  }

  @Test
  void everyValidDocumentIsInExactlyOneSplitWithItsOwnTokens() {
    Set<String> seen = new HashSet<>();
    DocumentPlacement placement = spec(out).placement();
    for (Split split : Split.values()) {
      for (Map.Entry<String, int[]> row : read(out, split)) {
        String id = row.getKey();
        assertTrue(docs.valid.containsKey(id), "unexpected document " + id);
        assertTrue(seen.add(id), id + " written twice");
        assertArrayEquals(expected(id), row.getValue(), id);
        assertEquals(split == Split.HELDOUT, placement.heldOut(id), id);
      }
    }
    assertEquals(docs.valid.keySet(), seen);
    long heldout = first.manifest().splits().get("heldout").documents();
    assertTrue(heldout > 0 && heldout < docs.valid.size() / 4,
        "held out " + heldout + " of " + docs.valid.size());
  }

  @Test
  void theLoaderReadsExactlyTheTrainTokensInShardOrder() {
    IntArrayList stream = new IntArrayList();
    for (Map.Entry<String, int[]> row : read(out, Split.TRAIN)) {
      stream.addElements(stream.size(), expected(row.getKey()));
    }
    IntArrayList loaded = new IntArrayList();
    int last = -1;
    try (TokenLoader l = TokenLoader.builder()
        .dataset(DatasetSpec.of("test", out.toString()).withMaxEpochs(1))
        .tokenizerSha256(tokenizer.identity().sha256())
        .batchSize(1).seqLen(1).seed(1).shuffle(ShuffleSpec.OFF).build()) {
      while (l.hasNext()) {
        Batch b = l.next();
        loaded.add(b.input(0, 0));
        last = b.target(0, 0);
      }
    }
    loaded.add(last);
    assertEquals(stream, loaded);
  }

  @Test
  void sparkReadsTheShardsWithTheSameTokens() {
    for (Split split : Split.values()) {
      List<Row> rows = SPARK.session().read().parquet(out.resolve(split.dirName()).toString())
          .select("doc_id", "tokens").collectAsList();
      assertEquals(read(out, split).size(), rows.size(), split.dirName());
      for (Row r : rows) {
        List<Integer> tokens = r.getList(1);
        assertArrayEquals(expected(r.getString(0)),
            tokens.stream().mapToInt(Integer::intValue).toArray(), r.getString(0));
      }
    }
  }

  @Test
  void ledgerCountsEveryDocumentAndNamesEachReject() throws IOException {
    Ledger ledger = first.ledger();
    assertTrue(ledger.balanced());
    assertEquals(docs.valid.size() + 4L, ledger.in());
    assertEquals(docs.valid.size(), ledger.kept());
    assertEquals(Map.of(RejectReasons.EMPTY_TEXT, 1L, RejectReasons.INVALID_UTF8, 1L,
        RejectReasons.TOO_LARGE, 1L, RejectReasons.MISSING_ID, 1L), ledger.rejected());
    Ledger written = Ledger.fromJson(Files.readString(out.resolve(Ledger.FILE_NAME)));
    assertEquals(TokenizeJob.STAGE, written.stage());
    assertEquals(ledger.rejected(), written.rejected());

    Map<String, String> detailById = new HashMap<>();
    for (Row r : SPARK.session().read().parquet(out.resolve("_rejected").toString())
        .collectAsList()) {
      assertEquals(TokenizeJob.STAGE, r.getAs("stage"));
      // Traceable to the page and the WARC record, where the input says.
      String id = r.getAs("id");
      assertEquals(id.isEmpty() ? "https://example.org/null" : "https://example.org/" + id,
          r.getAs("url"));
      assertEquals("test.warc.gz", r.getAs("warc_file"));
      detailById.put(r.getAs("id") + "/" + r.getAs("reason"), r.getAs("detail"));
    }
    assertEquals(4, detailById.size());
    assertTrue(detailById.get(TestDocuments.INVALID_ID + "/" + RejectReasons.INVALID_UTF8)
        .contains("byte offset 3"), detailById.toString());
    assertTrue(detailById.containsKey(TestDocuments.LARGE_ID + "/" + RejectReasons.TOO_LARGE));
    assertTrue(detailById.containsKey(TestDocuments.EMPTY_ID + "/" + RejectReasons.EMPTY_TEXT));
    assertTrue(detailById.containsKey("/" + RejectReasons.MISSING_ID));
  }

  @Test
  void manifestDescribesTheFilesAndTheTokenizer() {
    ShardManifest m = ShardManifest.read(LocalShardStore.INSTANCE, out.toString());
    assertEquals("vocab", m.tokenizer().name());
    assertEquals(600, m.tokenizer().vocabSize());
    assertEquals(tokenizer.identity().sha256(), m.tokenizer().sha256());
    assertEquals(tokenizer.endOfTextId().getAsInt(), m.tokenizer().eotId());
    assertEquals(0.1, ((Number) m.config().get("heldout_fraction")).doubleValue());
    long expectedTokens = 0;
    for (String id : docs.valid.keySet()) {
      expectedTokens += expected(id).length;
    }
    long tokens = 0;
    for (Split split : Split.values()) {
      SplitSummary s = m.split(split, "test");
      tokens += s.tokens();
      for (int i = 0; i < s.shards().size(); i++) {
        ShardSummary shard = s.shards().get(i);
        assertEquals(String.format("%s/part-%05d.parquet", split.dirName(), i), shard.file());
        assertTrue(shard.rows() > 0, shard.file() + " is empty");
        try (ShardFile f = ShardFile.open(LocalShardStore.INSTANCE,
            out.resolve(shard.file()).toString())) {
          assertEquals(shard.rows(), f.rows());
          assertEquals(shard.rowGroups().size(), f.rowGroupCount());
        }
      }
      long sourceDocs = s.sources().values().stream().mapToLong(v -> v.documents()).sum();
      assertEquals(s.documents(), sourceDocs);
    }
    assertTrue(m.split(Split.TRAIN, "test").shards().size() > 1, "several train shards");
    assertEquals(expectedTokens, tokens);
    assertEquals(TestDocuments.SOURCES, List.copyOf(
        m.split(Split.TRAIN, "test").sources().keySet()));
  }

  @Test
  void shardFilesKeepToTheTokenTargetAndEachTaskFillsAllButItsLastOne() throws IOException {
    int longest = docs.valid.keySet().stream().mapToInt(id -> expected(id).length).max()
        .orElseThrow();
    long tasks;
    try (Stream<Path> files = Files.list(docs.dir)) {
      // Small files: each is one input split, so one task.
      tasks = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
    }
    ShardManifest m = ShardManifest.read(LocalShardStore.INSTANCE, out.toString());
    for (Split split : Split.values()) {
      List<ShardSummary> shards = m.split(split, "test").shards();
      int unfilled = 0;
      for (ShardSummary s : shards) {
        assertTrue(s.tokens() <= SHARD_TOKENS || s.rows() == 1,
            s.file() + " holds " + s.tokens() + " tokens in " + s.rows() + " documents");
        // A task rolls to a new file only when the next document would not fit.
        unfilled += s.tokens() <= SHARD_TOKENS - longest ? 1 : 0;
      }
      assertTrue(unfilled <= tasks, split + ": " + unfilled + " shards short of the target");
    }
    assertTrue(m.split(Split.TRAIN, "test").shards().size() > tasks, "tasks wrote several");
  }

  @Test
  void onlyTheContractFilesRemainInTheOutput() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("_SUCCESS", "_ledger.json", "_rejected", "_removed", "heldout",
              "manifest.json", "train"),
          files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
              .sorted().toList());
    }
    ShardManifest m = ShardManifest.read(LocalShardStore.INSTANCE, out.toString());
    for (Split split : Split.values()) {
      try (Stream<Path> files = Files.list(out.resolve(split.dirName()))) {
        assertEquals(m.split(split, "test").shards().stream().map(ShardSummary::file).toList(),
            files.map(p -> split.dirName() + "/" + p.getFileName()).filter(n -> !n.contains("/."))
                .sorted().toList());
      }
    }
  }

  @Test
  void aCleanInputLeavesAnEmptyRejectedDatasetAndABalancedLedger() throws IOException {
    Path clean = tmp.resolve("clean-docs");
    SPARK.session().read().parquet(docs.dir.toString()).where("id like 'forum-%'").write()
        .parquet(clean.toString());
    TokenizeReport r = new TokenizeJob(SPARK.session(), QUIET).run(TokenizeSpec.of(List.of(
        clean.toString()), tmp.resolve("clean").toString(), vocab.toString()));
    assertTrue(r.ledger().balanced());
    assertEquals(PER_SOURCE, r.ledger().kept());
    assertEquals(Map.of(), r.ledger().rejected());
    assertEquals(0, SPARK.session().read().parquet(tmp.resolve("clean/_rejected").toString())
        .count());
  }

  @Test
  void shardsMixTheSourcesThatArrivedInBlocks() {
    List<Map.Entry<String, int[]>> train = read(out, Split.TRAIN);
    int changes = 0;
    for (int i = 1; i < train.size(); i++) {
      String a = docs.valid.get(train.get(i - 1).getKey())[0];
      String b = docs.valid.get(train.get(i).getKey())[0];
      changes += a.equals(b) ? 0 : 1;
    }
    // Three sources in random order change source about two times in three.
    assertTrue(changes > train.size() / 2, changes + " source changes in " + train.size());
  }

  @Test
  void rerunsWriteIdenticalShardsAndAnotherSeedOnlyReorders() throws IOException {
    Path again = tmp.resolve("again");
    new TokenizeJob(SPARK.session(), QUIET).run(spec(again).withShardTokens(SHARD_TOKENS));
    for (String file : shardFiles(out)) {
      assertArrayEquals(Files.readAllBytes(out.resolve(file)),
          Files.readAllBytes(again.resolve(file)), file);
    }
    assertEquals(shardFiles(out), shardFiles(again));
    for (String file : rejectedFiles(out)) {
      assertArrayEquals(Files.readAllBytes(out.resolve(file)),
          Files.readAllBytes(again.resolve(file)), file);
    }
    assertEquals(rejectedFiles(out), rejectedFiles(again));

    Path reseeded = tmp.resolve("reseeded");
    new TokenizeJob(SPARK.session(), QUIET).run(spec(reseeded).withShardTokens(SHARD_TOKENS)
        .withSeed(7));
    for (Split split : Split.values()) {
      List<String> before = read(out, split).stream().map(Map.Entry::getKey).toList();
      List<String> after = read(reseeded, split).stream().map(Map.Entry::getKey).toList();
      assertEquals(new HashSet<>(before), new HashSet<>(after), split + " membership");
      if (before.size() > 3) {
        assertNotEquals(before, after, split + " order");
      }
    }
  }

  private static List<String> shardFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")
              || p.getFileName().toString().equals(ShardManifest.FILE_NAME))
          .map(p -> root.relativize(p).toString())
          .filter(p -> !p.startsWith("_"))
          .sorted()
          .toList();
    }
  }

  private static List<String> rejectedFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("_rejected"))) {
      return files.map(p -> "_rejected/" + p.getFileName())
          .filter(p -> p.endsWith(".parquet") && !p.contains("/."))
          .sorted()
          .toList();
    }
  }

  @Test
  void anotherSaltDrawsAnotherHeldOutSet() {
    DocumentPlacement a = new DocumentPlacement("a", 0.2, 0);
    DocumentPlacement b = new DocumentPlacement("b", 0.2, 0);
    int differ = 0;
    for (String id : docs.valid.keySet()) {
      differ += a.heldOut(id) == b.heldOut(id) ? 0 : 1;
    }
    assertTrue(differ > 0);
    assertFalse(new DocumentPlacement("a", 0.0, 0).heldOut("any"));
  }

  @Test
  void cliRunsTheJobAndPrintsSourcesAndBytesPerToken() {
    StringWriter stdout = new StringWriter();
    int code = WinnowCli.execute(new String[] {"tokenize", "--input", docs.dir.toString(),
        "--tokenizer", vocab.toString(), "--output", tmp.resolve("cli").toString(),
        "--max-document-mb", "1"}, new PrintWriter(stdout), QUIET);
    assertEquals(0, code, stdout.toString());
    String s = stdout.toString();
    assertTrue(s.contains("bytes of text per token"), s);
    for (String source : TestDocuments.SOURCES) {
      assertTrue(s.contains(source), s);
    }
    assertTrue(s.contains("invalid_utf8"), s);
  }

  @Test
  void cliRefusesAHeldOutFractionOutsideTheUnitInterval() {
    StringWriter err = new StringWriter();
    int code = WinnowCli.execute(new String[] {"tokenize", "--input", "x", "--tokenizer", "y",
        "--output", "z", "--heldout-fraction", "1.5"}, QUIET, new PrintWriter(err));
    assertEquals(WinnowCli.USAGE, code);
    assertTrue(err.toString().contains("--heldout-fraction"), err.toString());
  }
}
