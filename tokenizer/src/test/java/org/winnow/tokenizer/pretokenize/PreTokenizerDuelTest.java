package org.winnow.tokenizer.pretokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.winnow.tokenizer.HostileTexts;
import org.winnow.tokenizer.RandomTexts;

/**
 * Each hand-written scanner against {@code java.util.regex} compiled from the published pattern
 * (the way jtokkit compiles it), on seeded random strings and on the hostile texts.
 */
class PreTokenizerDuelTest {

  static List<String> regexPieces(Pattern pattern, String text) {
    List<String> pieces = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    int last = 0;
    while (m.find()) {
      assertEquals(last, m.start(), "regex left a gap in " + RandomTexts.escape(text));
      // As the encoder sees it: a lone surrogate is '?', in the same class of every pattern.
      pieces.add(new String(m.group().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
      last = m.end();
    }
    assertEquals(text.length(), last, "regex stopped early in " + RandomTexts.escape(text));
    return pieces;
  }

  static List<String> scannerPieces(PreTokenizer preTokenizer, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return pieces(preTokenizer, utf8, 0, utf8.length);
  }

  /** The pieces of {@code utf8[from, to)}, checked to be contiguous and to cover the range. */
  static List<String> pieces(PreTokenizer preTokenizer, byte[] utf8, int from, int to) {
    List<String> pieces = new ArrayList<>();
    int[] next = {from};
    preTokenizer.split(utf8, from, to, (bytes, start, end) -> {
      assertEquals(next[0], start, "pieces must be contiguous");
      assertTrue(end > start, "empty piece at " + start);
      pieces.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
      next[0] = end;
    });
    assertEquals(to, next[0], "pieces must cover the text");
    return pieces;
  }

  private static void assertSameSplits(String name, Pattern regex, PreTokenizer scanner, String text) {
    List<String> expected = regexPieces(regex, text);
    List<String> actual = scannerPieces(scanner, text);
    if (!expected.equals(actual)) {
      assertEquals(escapeAll(expected), escapeAll(actual), name + " on " + RandomTexts.escape(text));
    }
  }

  private static void assertSameSplits(String name, Pattern regex, List<PreTokenizer> splitters,
      String text) {
    for (PreTokenizer splitter : splitters) {
      assertSameSplits(name + " (" + splitter.getClass().getSimpleName() + ")", regex, splitter, text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"GPT2", "R50K", "R50K_JTOKKIT", "CL100K", "CL100K_ONIGURUMA", "CL100K_LEGACY", "O200K"})
  void scannerSplitsLikeTheRegex(String name) throws ReflectiveOperationException {
    String pattern = (String) PreTokenPatterns.class.getField(name).get(null);
    Pattern regex = Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
    PreTokenizer scanner = PreTokenizers.forPattern(pattern);
    assertTrue(PreTokenizers.hasScanner(pattern));
    assertEquals(pattern, scanner.pattern());
    // The regex pre-tokenizer too: it matches on a decoded string and maps the pieces back to bytes.
    List<PreTokenizer> splitters = List.of(scanner, PreTokenizers.regex(pattern));
    Random random = new Random(20260101L + name.hashCode());
    for (int i = 0; i < 5_000; i++) {
      assertSameSplits(name, regex, splitters, RandomTexts.of(random, i % 3 == 0 ? 40 : 12));
    }
    HostileTexts.all().forEach((textName, text) -> assertSameSplits(name + ", " + textName, regex, splitters, text));
  }

  @Test
  void scannerStopsAtTheLimitAsAtTheEndOfText() {
    PreTokenizer scanner = PreTokenizers.forPattern(PreTokenPatterns.CL100K);
    String text = "ab  \n  cd";
    // With the limit after the spaces, they are trailing whitespace: one piece under \s++$.
    assertEquals(List.of("ab", "  \n  "), scannerPieces(text.substring(0, 7), scanner));
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("  \n  "), pieces(scanner, utf8, 2, 7));
  }

  @Test
  void unknownPatternsFallBackToTheRegexAndKeepGaps() {
    PreTokenizer words = PreTokenizers.forPattern("\\p{L}+");
    assertEquals(List.of("ab", " ", "cd", "!"), scannerPieces(words, "ab cd!"));
    // Multi-byte letters and a gap holding a surrogate pair keep their bytes together.
    assertEquals(List.of("a\u00f1b", " \ud83d\ude00 ", "\u4e2dd", "!"),
        scannerPieces(words, "a\u00f1b \ud83d\ude00 \u4e2dd!"));
  }

  private static List<String> scannerPieces(String text, PreTokenizer scanner) {
    return scannerPieces(scanner, text);
  }

  private static List<String> escapeAll(List<String> pieces) {
    List<String> out = new ArrayList<>();
    pieces.forEach(p -> out.add(RandomTexts.escape(p)));
    return out;
  }
}
