package org.winnow.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ids identical to Hugging Face tokenizers (through DJL) for GPT-2's {@code tokenizer.json} from the
 * shared data. Hugging Face always matches added tokens in the text, so ours is asked to honour all
 * special tokens here.
 *
 * <p>One documented difference: DJL hands a Java string to Rust in modified UTF-8, where a lone
 * surrogate is three bytes that Rust then decodes as three U+FFFD, while this library (like jtokkit)
 * encodes {@code '?'}; that is pinned below.
 */
class HuggingFaceDuelTest {

  private static Tokenizer ours;
  private static HuggingFaceReference reference;

  @BeforeAll
  static void load() throws IOException {
    Path json = TestCorpora.sharedData("bpe-gpt2/tokenizer.json");
    ours = Tokenizers.huggingFace(json);
    reference = HuggingFaceReference.load(json);
  }

  @AfterAll
  static void close() {
    if (reference != null) {
      reference.close();
    }
  }

  private static int[] ours(String text) {
    return ours.encode(text, ours.specialTokens().keySet());
  }

  private static void assertIdenticalOn(List<String> docs) {
    for (int i = 0; i < docs.size(); i++) {
      int[] expected = reference.encode(docs.get(i));
      int[] actual = ours(docs.get(i));
      if (!Arrays.equals(expected, actual)) {
        assertArrayEquals(expected, actual, "document " + i + ": " + RandomTexts.escape(docs.get(i)));
      }
    }
  }

  @Test
  void europarlSampleGivesIdenticalIds() {
    assertIdenticalOn(TestCorpora.europarlSample(1_000, 8));
  }

  @Tag("slow")
  @Test
  void wholeEuroparlGivesIdenticalIds() {
    assertIdenticalOn(TestCorpora.europarl());
  }

  @Test
  void hostileTextsGiveIdenticalIds() {
    HostileTexts.withoutLoneSurrogates().forEach((name, text) ->
        assertArrayEquals(reference.encode(text), ours(text), name));
  }

  @Test
  void randomTextsGiveIdenticalIds() {
    Random random = new Random(5);
    for (int i = 0; i < 3_000; i++) {
      String text = RandomTexts.of(random, 60);
      if (JtokkitDuelTest.hasLoneSurrogate(text)) {
        continue;
      }
      assertArrayEquals(reference.encode(text), ours(text), RandomTexts.escape(text));
    }
  }

  @Test
  void oneMegabyteWordGivesIdenticalIds() {
    String word = HostileTexts.randomWord(1 << 20, 13);
    assertArrayEquals(reference.encode(word), ours(word));
  }

  @Test
  void djlSeesEachLoneSurrogateAsThreeReplacementCharacters() {
    HostileTexts.loneSurrogates().forEach((name, text) -> {
      String asDjlPassesIt = text.replaceAll("\\p{Cs}", "\uFFFD\uFFFD\uFFFD");
      assertArrayEquals(reference.encode(text), ours(asDjlPassesIt), name);
      assertArrayEquals(ours(text.replaceAll("\\p{Cs}", "?")), ours(text), name);
    });
  }
}
