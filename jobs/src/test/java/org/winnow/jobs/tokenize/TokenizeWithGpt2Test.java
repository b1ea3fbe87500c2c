package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.jobs.cli.WinnowCli;
import org.winnow.jobs.testing.SharedData;
import org.winnow.jobs.testing.SharedSpark;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.store.LocalShardStore;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.Tokenizers;

/**
 * The tokenize job with GPT-2's real vocabulary (shared data {@code bpe-gpt2}), given as its
 * {@code tokenizer.json} and as GPT-2's own {@code encoder.json} + {@code vocab.bpe}: the shards
 * hold the ids the library encoder gives, and the manifest names the files the user gave. Also
 * the clear failure on a vocabulary of an unsupported model type.
 */
class TokenizeWithGpt2Test {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();
  private static TestDocuments docs;

  @BeforeAll
  static void start() {
    docs = TestDocuments.write(SPARK.session(), tmp.resolve("docs"), 25, 21);
  }

  private static Path gpt2() {
    Optional<Path> dir = SharedData.dir("bpe-gpt2");
    assumeTrue(dir.isPresent(), "shared data bpe-gpt2 is absent; skipping the GPT-2 runs");
    return dir.get();
  }

  private void tokenizeAndCompare(Path vocabulary, Path reference, String name)
      throws IOException {
    Tokenizer tokenizer = Tokenizers.open(reference);
    Path out = tmp.resolve("shards-" + name);
    TokenizeReport r = new TokenizeJob(SPARK.session(), QUIET).run(TokenizeSpec.of(
        List.of(docs.dir.toString()), out.toString(), vocabulary.toString())
        .withHeldoutFraction(0.2).withMaxDocumentBytes(TestDocuments.MAX_BYTES));
    ShardManifest m = r.manifest();
    assertEquals(50_257, m.tokenizer().vocabSize());
    assertEquals(50_256, m.tokenizer().eotId());
    assertEquals(Tokenizers.open(vocabulary).identity().sha256(), m.tokenizer().sha256());
    List<ShardRows.Doc> rows = ShardRows.readAll(out);
    for (ShardRows.Doc d : rows) {
      String text = docs.valid.get(d.docId())[1];
      IntArrayList want = new IntArrayList();
      tokenizer.encode(text, want);
      want.add(50_256);
      assertArrayEquals(want.toIntArray(), d.tokens(), d.docId());
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length, d.nBytes(), d.docId());
    }
    assertEquals(docs.valid.size(), rows.size());
    assertTrue(r.bytesPerToken() > 1, "bytes per token " + r.bytesPerToken());
  }

  @Test
  void shardsHoldGpt2IdsFromTokenizerJson() throws IOException {
    Path dir = gpt2();
    tokenizeAndCompare(dir.resolve("tokenizer.json"), dir, "json");
  }

  @Test
  void shardsHoldGpt2IdsFromEncoderJsonAndVocabBpe() throws IOException {
    Path dir = gpt2();
    Path only = tmp.resolve("gpt2-files");
    Files.createDirectories(only);
    Files.createSymbolicLink(only.resolve("encoder.json"), dir.resolve("encoder.json"));
    Files.createSymbolicLink(only.resolve("vocab.bpe"), dir.resolve("vocab.bpe"));
    tokenizeAndCompare(only, dir.resolve("tokenizer.json"), "gpt2-files");
    ShardManifest m = ShardManifest.read(LocalShardStore.INSTANCE,
        tmp.resolve("shards-gpt2-files").toString());
    assertEquals(Tokenizers.open(only).identity().name(), m.tokenizer().name());
  }

  @Test
  void aTokenizerJsonOfAnotherModelTypeFailsClearly() throws IOException {
    Path json = tmp.resolve("wordpiece/tokenizer.json");
    Files.createDirectories(json.getParent());
    Files.writeString(json, "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"a\": 0}}}");
    StringWriter err = new StringWriter();
    int code = WinnowCli.execute(new String[] {"tokenize", "--input", docs.dir.toString(),
        "--tokenizer", json.toString(), "--output", tmp.resolve("never").toString()}, QUIET,
        new PrintWriter(err));
    assertEquals(WinnowCli.FAILURE, code);
    assertTrue(err.toString().contains("WordPiece") && err.toString().contains(json.toString()),
        err.toString());
    assertTrue(Files.notExists(tmp.resolve("never")), "nothing is left behind");
  }
}
