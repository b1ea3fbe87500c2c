package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.ledger.Ledger;
import org.winnow.jobs.cli.WinnowCli;
import org.winnow.jobs.testing.SharedSpark;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.Tokenizers;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;
import org.winnow.tokenizer.train.BpeTrainer;
import org.winnow.tokenizer.train.BpeTrainerConfig;
import org.winnow.tokenizer.train.PreTokenCounter;

/**
 * train-tokenizer end to end: the vocabulary the Spark job writes loads with {@link Tokenizers},
 * round-trips text, and encodes exactly as one trained on the driver alone from the same text.
 */
class TrainTokenizerJobTest {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();
  private static TestDocuments docs;

  @BeforeAll
  static void start() {
    docs = TestDocuments.write(SPARK.session(), tmp.resolve("docs"), 80, 5);
  }

  private static List<String> texts() {
    List<String> texts = new ArrayList<>();
    docs.valid.values().forEach(v -> texts.add(v[1]));
    texts.add("word ".repeat((int) TestDocuments.MAX_BYTES / 4));
    texts.add("no id");
    texts.add("ok \uFFFD(x");
    return texts;
  }

  @Test
  void writtenVocabularyLoadsRoundTripsAndMatchesADriverOnlyTraining() throws IOException {
    Path out = tmp.resolve("vocab-cl100k");
    TrainTokenizerReport r = new TrainTokenizerJob(SPARK.session(), QUIET).run(
        new TrainTokenizerSpec(List.of(docs.dir.toString()), out.toString(), "tiny", 700,
            "cl100k", false));
    assertEquals(700, r.vocabSize());
    Tokenizer fromJson = Tokenizers.open(out);
    assertEquals(700, fromJson.vocabSize());
    assertEquals(699, fromJson.endOfTextId().getAsInt());
    Tokenizer fromRanks = Tokenizers.tiktoken(out.resolve("tiny.tiktoken"),
        PreTokenPatterns.CL100K, fromJson.specialTokens());

    // The same counts on the driver alone; the invalid UTF-8 document reaches Spark as U+FFFD.
    PreTokenCounter counter = PreTokenCounter.forPattern(PreTokenPatterns.CL100K);
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    texts().forEach(t -> counter.count(t, counts));
    Tokenizer local = org.winnow.tokenizer.Tokenizer.of(
        new BpeTrainer(BpeTrainerConfig.of("tiny", 700, PreTokenPatterns.CL100K)).train(counts));

    List<String> probes = new ArrayList<>(texts());
    Random random = new Random(3);
    for (int i = 0; i < 50; i++) {
      probes.add(TestDocuments.text(random, 30));
    }
    for (String text : probes) {
      int[] ids = fromJson.encode(text);
      assertArrayEquals(local.encode(text), ids, text);
      assertArrayEquals(ids, fromRanks.encode(text), text);
      assertEquals(text, fromJson.decode(ids));
    }
    Ledger ledger = Ledger.fromJson(Files.readString(out.resolve(Ledger.FILE_NAME)));
    assertEquals(docs.valid.size() + 4L, ledger.in());
    assertEquals(1L, ledger.rejected().get(RejectReasons.EMPTY_TEXT));
    assertTrue(ledger.balanced());
  }

  @Test
  void cliTrainsAVocabularyTheTokenizeCommandAccepts() {
    Path out = tmp.resolve("vocab-cli");
    StringWriter stdout = new StringWriter();
    int code = WinnowCli.execute(new String[] {"train-tokenizer", "--input",
        docs.dir.toString(), "--vocab-size", "500", "--output", out.toString()},
        new PrintWriter(stdout), QUIET);
    assertEquals(0, code, stdout.toString());
    assertTrue(stdout.toString().contains("500 ids"), stdout.toString());
    assertTrue(Files.isRegularFile(out.resolve("winnow-bpe.tiktoken")));

    StringWriter tokenized = new StringWriter();
    code = WinnowCli.execute(new String[] {"tokenize", "--input", docs.dir.toString(),
        "--tokenizer", out.toString(), "--output", tmp.resolve("shards").toString()},
        new PrintWriter(tokenized), QUIET);
    assertEquals(0, code, tokenized.toString());
  }

  @Test
  void cliRefusesAVocabularyTooSmallForTheBytes() {
    StringWriter err = new StringWriter();
    int code = WinnowCli.execute(new String[] {"train-tokenizer", "--input", "x",
        "--vocab-size", "100", "--output", tmp.resolve("none").toString()}, QUIET,
        new PrintWriter(err));
    assertEquals(WinnowCli.USAGE, code);
    assertTrue(err.toString().contains("100"), err.toString());
  }
}
