package org.winnow.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.winnow.tokenizer.vocab.TiktokenEncoding;

/**
 * The GPT-2 reference ids in the shared data (made by two independent JavaScript encoders, see
 * {@code bpe-gpt2/SOURCES.md}), reproduced from each of the three forms of GPT-2's vocabulary:
 * the original {@code encoder.json} + {@code vocab.bpe}, the {@code tokenizer.json} built from them,
 * and tiktoken's r50k_base ranks.
 */
class Gpt2ReferenceIdsTest {

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("tinylm/tinyshakespeare.txt", "bpe-gpt2/tinyshakespeare.gpt2.ids.txt.gz", 338_025),
        Arguments.of("bpe-gpt2/mixed_unicode.txt.gz", "bpe-gpt2/mixed_unicode.gpt2.ids.txt.gz", 152_719));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void everyFormOfGpt2ReproducesTheReferenceIds(String textFile, String idsFile, int tokenCount) throws IOException {
    String text = TestCorpora.readText(TestCorpora.sharedData(textFile));
    int[] expected = TestCorpora.readText(TestCorpora.sharedData(idsFile)).lines()
        .filter(line -> !line.isBlank()).mapToInt(Integer::parseInt).toArray();
    assertEquals(tokenCount, expected.length);
    Path dir = TestCorpora.sharedData("bpe-gpt2");

    Tokenizer original = Tokenizers.gpt2(dir.resolve("encoder.json"), dir.resolve("vocab.bpe"));
    Tokenizer huggingFace = Tokenizers.huggingFace(dir.resolve("tokenizer.json"));
    Tokenizer ranks = TestCorpora.tiktoken(TiktokenEncoding.R50K_BASE);
    Tokenizer opened = Tokenizers.open(dir);
    for (Tokenizer tokenizer : new Tokenizer[] {original, huggingFace, ranks, opened}) {
      int[] actual = tokenizer.encode(text, tokenizer.specialTokens().keySet());
      assertArrayEquals(expected, actual, tokenizer.identity().name() + " on " + textFile);
      assertEquals(text, tokenizer.decode(actual));
      assertEquals(50_257, tokenizer.vocabSize());
      assertEquals(50_256, tokenizer.endOfTextId().getAsInt());
    }
  }
}
