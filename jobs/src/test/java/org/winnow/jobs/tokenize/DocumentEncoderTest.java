package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.winnow.core.ledger.Fate;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;
import org.winnow.tokenizer.train.BpeTrainer;
import org.winnow.tokenizer.train.BpeTrainerConfig;
import org.winnow.tokenizer.train.PreTokenCounter;

/**
 * Text is decoded strictly: a U+FFFD that the text really holds is kept, a malformed byte
 * sequence anywhere, however far in, is a reject that names its offset.
 */
class DocumentEncoderTest {
  private static Tokenizer tokenizer;

  @BeforeAll
  static void vocabulary() {
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    PreTokenCounter.forPattern(PreTokenPatterns.GPT2)
        .count("the cat sat on the mat, the dog sat on the log", counts);
    tokenizer = Tokenizer.of(new BpeTrainer(BpeTrainerConfig.of("t", 300, PreTokenPatterns.GPT2))
        .train(counts));
  }

  /** Encodes {@code text} from inside a larger buffer, as the task reads it from Spark's row. */
  private static EncodedDocument encode(byte[] text, SplitDocuments train) {
    byte[] padded = new byte[text.length + 7];
    Arrays.fill(padded, (byte) 0xFF);
    System.arraycopy(text, 0, padded, 3, text.length);
    return new DocumentEncoder(tokenizer, new DocumentPlacement("s", 0.0, 0), 1L << 30)
        .encode("d", "web", padded, 3, text.length, train, new SplitDocuments());
  }

  @Test
  void aReplacementCharacterInTheTextIsKeptWithItsTokens() {
    String text = "the cat \uFFFD sat";
    SplitDocuments train = new SplitDocuments();
    EncodedDocument d = encode(text.getBytes(StandardCharsets.UTF_8), train);
    assertTrue(d.isKept(), String.valueOf(d.detail()));
    IntArrayList expected = new IntArrayList();
    tokenizer.encode(text, expected);
    expected.add(tokenizer.endOfTextId().getAsInt());
    assertArrayEquals(expected.toIntArray(),
        Arrays.copyOfRange(train.tokens(0), train.start(0), train.end(0)));
  }

  @Test
  void malformedSequencesAreRejectedAtTheirOffset() {
    byte[] longAscii = "the mat ".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
    byte[][] cases = {
      concat(longAscii, new byte[] {(byte) 0xC3, 0x28}),
      concat("é ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82}),
      concat("ok".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0,
          (byte) 0x80}),
    };
    int[] offsets = {longAscii.length, 3, 2};
    for (int i = 0; i < cases.length; i++) {
      SplitDocuments train = new SplitDocuments();
      EncodedDocument d = encode(cases[i], train);
      assertEquals(RejectReasons.INVALID_UTF8, d.reason(), "case " + i);
      assertEquals("invalid UTF-8 at byte offset " + offsets[i] + " of " + cases[i].length,
          d.detail(), "case " + i);
      assertEquals(0, train.size(), "a rejected document is not added");
      assertEquals(0, train.tokenSink().size(), "a rejected document leaves no tokens");
    }
  }

  /** Finds every text containing "mat": the decontamination test, as the task applies it. */
  private record MatTest() implements ContaminationTest {
    @Override
    public Optional<String> overlap(String text) {
      return text.contains("mat") ? Optional.of("mentions a mat") : Optional.empty();
    }
  }

  @Test
  void theContaminationTestRemovesTrainDocumentsOnlyAndNeverHidesARejection() {
    DocumentPlacement placement = new DocumentPlacement("s", 0.5, 0);
    DocumentEncoder encoder = new DocumentEncoder(tokenizer, placement, 1L << 30, new MatTest(),
        "heldout_overlap");
    String heldId = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "h" + i)
        .filter(placement::heldOut).findFirst().orElseThrow();
    String trainId = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "t" + i)
        .filter(id -> !placement.heldOut(id)).findFirst().orElseThrow();
    SplitDocuments train = new SplitDocuments();
    SplitDocuments heldout = new SplitDocuments();
    byte[] mat = "the cat sat on the mat".getBytes(StandardCharsets.UTF_8);
    byte[] log = "the dog sat on the log".getBytes(StandardCharsets.UTF_8);

    EncodedDocument removed = encoder.encode(trainId, "web", mat, 0, mat.length, train, heldout);
    assertEquals(Fate.REMOVED, removed.fate());
    assertEquals("heldout_overlap", removed.reason());
    assertEquals("mentions a mat", removed.detail());
    assertEquals(0, train.size(), "a removed document is not added");
    assertEquals(0, train.tokenSink().size(), "a removed document leaves no tokens");

    assertTrue(encoder.encode(trainId, "web", log, 0, log.length, train, heldout).isKept());
    IntArrayList logTokens = new IntArrayList();
    tokenizer.encode("the dog sat on the log", logTokens);
    logTokens.add(tokenizer.endOfTextId().getAsInt());
    assertArrayEquals(logTokens.toIntArray(),
        Arrays.copyOfRange(train.tokens(0), train.start(0), train.end(0)));
    // The held-out split is what train documents are tested against, never tested itself.
    assertTrue(encoder.encode(heldId, "web", mat, 0, mat.length, train, heldout).isKept());
    assertEquals(1, train.size());
    assertEquals(1, heldout.size());

    // Invalid UTF-8 stays a reject even where its text would match.
    byte[] bad = concat(mat, new byte[] {(byte) 0xC3});
    EncodedDocument invalid = encoder.encode(trainId, "web", bad, 0, bad.length, train, heldout);
    assertEquals(Fate.REJECTED, invalid.fate());
    assertEquals(RejectReasons.INVALID_UTF8, invalid.reason());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
