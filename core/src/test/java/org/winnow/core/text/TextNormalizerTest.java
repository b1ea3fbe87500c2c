package org.winnow.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  void matchingFormFoldsCaseWidthPunctuationAndWhitespace() {
    assertEquals("hello world 42", TextNormalizer.forMatching("  Hello,\tWORLD!!\n\n４２ "));
    assertEquals("state of the art", TextNormalizer.forMatching("State-of-the-art"));
    // NFKC turns the ligature into two letters before case folding.
    assertEquals("office", TextNormalizer.forMatching("Oﬃce"));
    assertEquals("straße", TextNormalizer.forMatching("Straße"));
  }

  @Test
  void matchingFormKeepsEveryScript() {
    assertEquals("日本語の テキスト", TextNormalizer.forMatching("日本語の、テキスト。"));
    assertEquals("привет мир", TextNormalizer.forMatching("Привет — мир!"));
    assertEquals("مرحبا بالعالم", TextNormalizer.forMatching("مرحبا، بالعالم؟"));
  }

  @Test
  void matchingFormDropsZeroWidthAndControlCharacters() {
    assertEquals("abc", TextNormalizer.forMatching("a\u200bb\u0007c"));
    assertEquals("", TextNormalizer.forMatching(" \u00a0 ... \u3000"));
  }

  @Test
  void tidyWhitespaceKeepsLinesAndOneBlankLineBetweenParagraphs() {
    assertEquals("a b\nc\n\nd",
        TextNormalizer.tidyWhitespace("\n\n  a \t b \r\nc\n\n\n\n  d  \n\n"));
    assertEquals("", TextNormalizer.tidyWhitespace(" \n \n"));
  }
}
