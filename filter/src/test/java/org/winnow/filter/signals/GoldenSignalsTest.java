package org.winnow.filter.signals;

import static java.util.Map.entry;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each signal's value pinned on hand-checked texts in six languages. The expected numbers were
 * worked out by hand (the arithmetic is in the comments); a change in any definition breaks this
 * test on purpose. Every signal is also compared with the independent reference port.
 */
class GoldenSignalsTest {
  private final TextProfiler profiler = new TextProfiler();
  private final ReferenceSignals reference = new ReferenceSignals();

  private SignalValues signals(String text, String lang) {
    TextProfile p = profiler.profile(text, lang);
    SignalValues v = new SignalValues();
    for (SignalFamily f : SignalFamily.all()) {
      f.compute(p, v);
    }
    return v;
  }

  private void check(String text, String lang, Map<String, Object> expected) {
    SignalValues v = signals(text, lang);
    SignalAssert.matchesSome(v, expected, "hand-checked values for " + lang);
    Map<String, Object> ref = reference.compute(
        text, lang, StopWords.forLanguage(lang).orElse(null));
    SignalAssert.matchesAll(v, ref, "reference port for " + lang);
  }

  @Test
  void english() {
    // L1 = L2 = "The cat sat on the mat. The dog ran!" (36 chars, 9 words, 26 letters)
    // L3 = "", L4 = "• Buy #1 deals now..." (21 chars; words Buy 1 deals now, 12 letters)
    // L5 = "JavaScript is required {here}" (29 chars; 4 words, 24 letters); 4 newlines.
    String text = "The cat sat on the mat. The dog ran!\nThe cat sat on the mat. The dog ran!\n\n"
        + "• Buy #1 deals now...\nJavaScript is required {here}";
    double h = -(6 / 26.0 * Math.log(6 / 26.0) + 6 * (2 / 26.0) * Math.log(2 / 26.0)
        + 8 * (1 / 26.0) * Math.log(1 / 26.0)); // the x6; cat sat on mat dog ran x2; 8 once
    Map<String, Object> e = new HashMap<>(Map.ofEntries(
        entry("char_count", 126), // 36 + 36 + 0 + 21 + 29 + 4
        entry("line_count", 5),
        entry("dominant_script", "latin"),
        entry("word_count", 26),
        entry("mean_word_length", 88 / 26.0), // 26 + 26 + 12 + 24
        entry("hash_word_ratio", 1 / 26.0),
        entry("ellipsis_word_ratio", 1 / 26.0),
        entry("bullet_line_fraction", 1 / 5.0),
        entry("ellipsis_line_fraction", 1 / 5.0),
        entry("alpha_word_fraction", 25 / 26.0), // all but "1"
        entry("stop_word_count", 6), // The the The, twice
        entry("dup_para_fraction", 0.0), // "L1\nL2" and "L4\nL5"
        entry("dup_para_char_fraction", 0.0),
        entry("dup_line_fraction", 1 / 4.0), // L1 L2 L4 L5, L2 repeats
        entry("dup_line_char_fraction", 36 / 126.0),
        entry("top_2gram_char_fraction", 14 / 126.0), // "The cat" (7) x2, first of the ties
        entry("top_3gram_char_fraction", 22 / 126.0), // "The cat sat" (11) x2
        entry("top_4gram_char_fraction", 28 / 126.0), // "The cat sat on" (14) x2
        entry("dup_5gram_char_fraction", 14 / 126.0), // words 9..13 repeat 0..4: 3+3+3+2+3
        entry("dup_6gram_char_fraction", 17 / 126.0), // + "mat"
        entry("dup_7gram_char_fraction", 20 / 126.0), // + "The"
        entry("dup_8gram_char_fraction", 23 / 126.0), // + "dog"
        entry("dup_9gram_char_fraction", 26 / 126.0), // + "ran"
        entry("dup_10gram_char_fraction", 0.0), // "... ran The" vs "... ran Buy"
        entry("sentence_count", 6), // 2 + 2 + 0 + 1 ("now..." ends it) + 1 (no mark)
        entry("terminal_line_fraction", 2 / 4.0), // L1, L2 end in '!'; "..." does not count
        entry("few_word_line_fraction", 0.0),
        entry("javascript_lines", 1),
        entry("policy_lines", 0),
        entry("lorem_ipsum_lines", 0),
        entry("curly_bracket_lines", 1),
        entry("line_punct_ratio", 3 / 4.0), // '!', '!', '.' of "..."; not '}'
        entry("short_line_ratio", 2 / 4.0), // 21 and 29 chars
        entry("dup_line_char_ratio", 36 / 122.0), // 126 - 4 newlines
        entry("newline_word_ratio", 4 / 26.0),
        entry("unique_word_fraction", 15 / 26.0),
        entry("unigram_entropy", h),
        entry("all_caps_word_fraction", 0.0),
        entry("stop_word_fraction", 6 / 26.0),
        entry("curly_bracket_ratio", 2 / 126.0)));
    e.put("quality_score", null);
    check(text, "en", e);
  }

  @Test
  void german() {
    // L1: "Die Straße ist lang und schön. Wir gehen heute nach Hause!" 58 chars, 11 words
    // L2: "Über 3 Brücken …" 16 chars, 3 words. Letters: 3+6+3+4+3+5+3+5+5+4+5 + 4+1+7 = 58.
    // Lucene's German list has die, ist, und, wir, nach, über (not heute, lang).
    check("Die Straße ist lang und schön. Wir gehen heute nach Hause!\nÜber 3 Brücken …", "de",
        Map.ofEntries(
            entry("char_count", 75),
            entry("word_count", 14),
            entry("mean_word_length", 58 / 14.0),
            entry("stop_word_count", 6),
            entry("ellipsis_word_ratio", 1 / 14.0),
            entry("ellipsis_line_fraction", 1 / 2.0),
            entry("alpha_word_fraction", 13 / 14.0),
            entry("sentence_count", 3), // "schön. " and "Hause!"; line 2 has no mark
            entry("line_punct_ratio", 1 / 2.0), // '…' is not line-final punctuation
            entry("terminal_line_fraction", 1 / 2.0),
            entry("dominant_script", "latin")));
  }

  @Test
  void chinese() {
    // Ideographs are one word each: 6 + 7 on line 1, 9 on line 2. 天 and 好 repeat.
    // Stop words: 我 们 | 这 是 个 的.
    check("今天天气很好。我们去公园散步！\n这是一个美好的日子。", "zh", Map.ofEntries(
        entry("char_count", 26), // 15 + 1 + 10
        entry("word_count", 22),
        entry("mean_word_length", 1.0),
        entry("stop_word_count", 6),
        entry("sentence_count", 3), // CJK full stops end sentences without a space
        entry("line_punct_ratio", 1.0),
        entry("short_line_ratio", 1.0),
        entry("few_word_line_fraction", 0.0),
        entry("unique_word_fraction", 20 / 22.0),
        entry("alpha_word_fraction", 1.0),
        entry("dominant_script", "cjk")));
  }

  @Test
  void japanese() {
    // Hiragana and kanji are one word each, the katakana run one word: 16 + カタカナ.
    // Stop words: れ は の で も.
    check("これは日本語の文章です。カタカナもあります。", "ja", Map.ofEntries(
        entry("char_count", 22),
        entry("word_count", 17),
        entry("mean_word_length", 20 / 17.0),
        entry("stop_word_count", 5),
        entry("sentence_count", 2),
        entry("dominant_script", "cjk")));
  }

  @Test
  void russian() {
    // Letters: 6+3+4+7+3+6 + 2+4+1+4+1+2+4 = 47 over 13 words. Lucene's Russian list has
    // как, сегодня, хорошо, мы, в, и, на (it has все, not всё).
    check("Привет, как дела сегодня? Всё хорошо.\nМы идём в парк и на реку.", "ru",
        Map.ofEntries(
            entry("word_count", 13),
            entry("mean_word_length", 47 / 13.0),
            entry("stop_word_count", 7),
            entry("sentence_count", 3),
            entry("line_punct_ratio", 1.0),
            entry("dominant_script", "cyrillic")));
  }

  @Test
  void arabic() {
    // 9 words, 3+5+3+7+2+6+2+4+3 = 35 letters; Lucene's Arabic list has في, إلى, ذلك.
    check("ذهب الولد إلى المدرسة في الصباح. هل تعلم ذلك؟", "ar", Map.ofEntries(
        entry("char_count", 45),
        entry("word_count", 9),
        entry("mean_word_length", 35 / 9.0),
        entry("stop_word_count", 3),
        entry("sentence_count", 2), // ". " and the Arabic question mark
        entry("line_punct_ratio", 1.0),
        entry("dominant_script", "arabic")));
  }

  @Test
  void emptyTextHasNullRatios() {
    Map<String, Object> e = new HashMap<>();
    e.put("char_count", 0);
    e.put("line_count", 0);
    e.put("word_count", 0);
    e.put("dominant_script", null);
    e.put("mean_word_length", null);
    e.put("bullet_line_fraction", null);
    e.put("dup_line_fraction", 0.0); // re.split gives [""]: one element, no repeat
    e.put("dup_line_char_fraction", null);
    e.put("line_punct_ratio", null);
    e.put("unigram_entropy", null);
    e.put("stop_word_count", null); // "und" has no list
    check("", "und", e);
  }
}
