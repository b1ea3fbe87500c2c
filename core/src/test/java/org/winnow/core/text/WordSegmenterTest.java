package org.winnow.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WordSegmenterTest {
  private final WordSegmenter words = new WordSegmenter();

  @Test
  void segmentsByUax29InEveryScript() {
    assertEquals(List.of("The", "cat's", "3.5", "kg"), words.words("The cat's 3.5 kg."));
    assertEquals(List.of("Die", "Straße", "ist", "lang"), words.words("Die Straße ist lang!"));
    assertEquals(4, words.count("Привет, как дела сегодня?"));
    // Ideographs are one word each; kana runs stay together.
    assertEquals(List.of("日", "本", "語"), words.words("日本語"));
  }

  @Test
  void emptyAndPunctuationOnlyTextHasNoWords() {
    assertEquals(0, words.count(""));
    assertEquals(0, words.count(" ... !!! — "));
  }

  @Test
  @Timeout(10)
  void aOneMegabyteWordIsSplitNotExploded() {
    String huge = "a".repeat(1 << 20);
    List<String> parts = words.words(huge);
    assertTrue(parts.stream().allMatch(w -> w.length() <= WordSegmenter.MAX_WORD_LENGTH));
    assertEquals(1 << 20, parts.stream().mapToInt(String::length).sum());
  }

  @Test
  void aLoneSurrogateDoesNotSwallowTheWordsBeforeIt() {
    assertEquals(List.of("two", "words"), words.words("two words \uD800"));
    assertEquals(List.of("a", "b"), words.words("a \uDC00 b"));
  }

  @Test
  void aSegmenterIsReusable() {
    assertEquals(2, words.count("one two"));
    assertEquals(3, words.count("one two three"));
  }
}
