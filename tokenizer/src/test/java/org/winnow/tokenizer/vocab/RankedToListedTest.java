package org.winnow.tokenizer.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.winnow.tokenizer.HostileTexts;
import org.winnow.tokenizer.HuggingFaceReference;
import org.winnow.tokenizer.RandomTexts;
import org.winnow.tokenizer.TestCorpora;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.Tokenizers;

/**
 * OpenAI encodings exported as {@code tokenizer.json}: the derived merge list encodes as the ranks
 * do, here and in Hugging Face tokenizers.
 */
class RankedToListedTest {

  private static BpeDefinition ranked(TiktokenEncoding encoding) throws IOException {
    try (InputStream in = TestCorpora.jtokkitRanks(encoding)) {
      return encoding.load(in, encoding.encodingName());
    }
  }

  private static List<String> texts() {
    List<String> texts = new ArrayList<>(TestCorpora.europarlSample(150, 21));
    HostileTexts.withoutLoneSurrogates().forEach((name, text) -> {
      if (!text.contains("<|")) {
        texts.add(text);
      }
    });
    return texts;
  }

  @ParameterizedTest
  @EnumSource(value = TiktokenEncoding.class, names = {"R50K_BASE", "CL100K_BASE", "O200K_BASE"})
  void theDerivedMergeListEncodesAsTheRanks(TiktokenEncoding encoding) throws IOException {
    BpeDefinition ranked = ranked(encoding);
    BpeDefinition listed = RankedToListed.convert(ranked);
    assertTrue(listed.ignoreMerges());
    Tokenizer byRanks = Tokenizer.of(ranked);
    Tokenizer byList = Tokenizer.of(listed);
    for (String text : texts()) {
      assertArrayEquals(byRanks.encode(text), byList.encode(text), () -> encoding + " on " + RandomTexts.escape(text));
    }
  }

  @Test
  void cl100kAsTokenizerJsonEncodesIdenticallyInHuggingFace(@TempDir Path dir) throws IOException {
    assertHuggingFaceAgrees(TiktokenEncoding.CL100K_BASE, dir);
  }

  @Tag("slow")
  @Test
  void o200kAsTokenizerJsonEncodesIdenticallyInHuggingFace(@TempDir Path dir) throws IOException {
    assertHuggingFaceAgrees(TiktokenEncoding.O200K_BASE, dir);
  }

  private static void assertHuggingFaceAgrees(TiktokenEncoding encoding, Path dir) throws IOException {
    BpeDefinition ranked = ranked(encoding);
    Path json = dir.resolve("tokenizer.json");
    TokenizerJsonWriter.write(ranked, json);
    Tokenizer ours = Tokenizer.of(ranked);
    Tokenizer reread = Tokenizers.huggingFace(json);
    assertEquals(ours.vocabSize(), reread.vocabSize());
    try (HuggingFaceReference reference = HuggingFaceReference.load(json)) {
      for (String text : texts()) {
        int[] expected = ours.encode(text);
        assertArrayEquals(expected, reference.encode(text), () -> encoding + " in HF on " + RandomTexts.escape(text));
        assertArrayEquals(expected, reread.encode(text));
      }
    }
  }
}
