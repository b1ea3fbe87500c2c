package org.winnow.filter.signals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.winnow.core.text.WordSegmenter;

/**
 * The signals computed the slow, obvious way: a line-by-line port of the published Python
 * (datatrove's Gopher, C4 and FineWeb filters) over Java strings, lists and regexes, with words
 * from core's WordSegmenter and stop words from Lucene's CharArraySet. It shares no code with the
 * optimised profiler, so the duel and golden tests compare two independent readings of the same
 * definitions. Valid for text whose only line break is '\n' (the breaks all datatrove filters
 * agree on).
 */
final class ReferenceSignals {
  /** Python's str.isspace() characters. */
  private static final String PY_SPACE = "\t\n\u000B\u000C\r\u001C\u001D\u001E\u001F \u0085\u00A0"
      + "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029"
      + "\u202F\u205F\u3000";
  private static final Set<String> LINE_FINAL = Set.of(".", "!", "?", "\"", "'", "\u3002",
      "\uFF01", "\uFF1F", "\uFF0E", "\uFF61", "\u061F", "\u06D4", "\u0964", "\u0965", "\u0589",
      "\u055C", "\u055E", "\u1362", "\u1367", "\u1368", "\u104A", "\u104B", "\u17D4", "\u17D5",
      "\u0F0D", "\u0F0E", "\u203C", "\u2047", "\u2048", "\u2049", "\u201D", "\u2019", "\u00BB",
      "\u00AB", "\u300D", "\u300F");
  private static final String SENTENCE_FINAL = ".!?\u3002\uFF01\uFF1F\uFF0E\uFF61\u061F\u06D4"
      + "\u0964\u0965\u0589\u055C\u055E\u1362\u1367\u1368\u104A\u104B\u17D4\u17D5\u0F0D\u0F0E"
      + "\u203C\u2047\u2048\u2049";
  private static final String NO_SPACE_FINAL = "\u3002\uFF01\uFF1F\uFF0E\uFF61\u0F0D\u0F0E"
      + "\u17D4\u17D5";
  private static final String CLOSERS = "\"')]\u201D\u2019\u00BB\u00AB\u300D\u300F\uFF09\u300B"
      + "\u3011";
  private static final List<String> POLICY = List.of("terms of use", "privacy policy",
      "cookie policy", "uses cookies", "use of cookies", "use cookies");

  private final WordSegmenter segmenter = new WordSegmenter();

  /** Every signal of {@code text} in language {@code lang}, by name; null for null values. */
  Map<String, Object> compute(String text, String lang, CharArraySet stopWords) {
    Map<String, Object> out = new HashMap<>();
    int chars = len(text);
    List<String> words = segmenter.words(withoutDanglingSurrogate(text));
    int n = words.size();
    List<String> lines = splitlines(text);

    out.put("char_count", chars);
    out.put("line_count", lines.size());
    out.put("dominant_script", dominantScript(text));

    // Gopher quality.
    long letters = 0;
    int alpha = 0;
    int stop = 0;
    for (String w : words) {
      letters += len(w);
      if (w.codePoints().anyMatch(Character::isLetter)) {
        alpha++;
      }
      if (stopWords != null && stopWords.contains(w)) {
        stop++;
      }
    }
    out.put("word_count", n);
    out.put("mean_word_length", ratio(letters, n));
    out.put("hash_word_ratio", ratio(count(text, "#"), n));
    out.put("ellipsis_word_ratio", ratio(count(text, "...") + count(text, "\u2026"), n));
    int bullets = 0;
    int ellipsisLines = 0;
    for (String l : lines) {
      String ls = lstrip(l);
      String rs = rstrip(l);
      if (ls.startsWith("\u2022") || ls.startsWith("-")) {
        bullets++;
      }
      if (rs.endsWith("...") || rs.endsWith("\u2026")) {
        ellipsisLines++;
      }
    }
    out.put("bullet_line_fraction", ratio(bullets, lines.size()));
    out.put("ellipsis_line_fraction", ratio(ellipsisLines, lines.size()));
    out.put("alpha_word_fraction", ratio(alpha, n));
    out.put("stop_word_count", stopWords == null ? null : stop);

    // Gopher repetition.
    List<String> paragraphs = List.of(Pattern.compile("\n{2,}").split(strip(text), -1));
    long[] pd = findDuplicates(paragraphs);
    out.put("dup_para_fraction", ratio(pd[0], paragraphs.size()));
    out.put("dup_para_char_fraction", ratio(pd[1], chars));
    List<String> repLines = List.of(Pattern.compile("\n+").split(text, -1));
    long[] ld = findDuplicates(repLines);
    out.put("dup_line_fraction", ratio(ld[0], repLines.size()));
    out.put("dup_line_char_fraction", ratio(ld[1], chars));
    for (int k = 2; k <= 4; k++) {
      List<String> grams = ngrams(words, k);
      out.put("top_" + k + "gram_char_fraction", grams.isEmpty() ? ratio(0, chars)
          : ratio(findTopDuplicate(grams), chars));
    }
    for (int k = 5; k <= 10; k++) {
      out.put("dup_" + k + "gram_char_fraction", ratio(findAllDuplicate(words, k), chars));
    }

    // C4.
    int sentences = 0;
    int nonBlank = 0;
    int terminal = 0;
    int fewWords = 0;
    int js = 0;
    int policy = 0;
    int lorem = 0;
    int curly = 0;
    for (String l : lines) {
      sentences += sentences(l);
      String s = strip(l);
      if (!s.isEmpty()) {
        nonBlank++;
        if (endsWithAny(s) && !s.endsWith("...")) {
          terminal++;
        }
        if (segmenter.count(withoutDanglingSurrogate(l)) < 3) {
          fewWords++;
        }
      }
      String lower = l.toLowerCase(Locale.ROOT);
      js += lower.contains("javascript") ? 1 : 0;
      policy += POLICY.stream().anyMatch(lower::contains) ? 1 : 0;
      lorem += lower.contains("lorem ipsum") ? 1 : 0;
      curly += l.contains("{") ? 1 : 0;
    }
    out.put("sentence_count", sentences);
    out.put("terminal_line_fraction", ratio(terminal, nonBlank));
    out.put("few_word_line_fraction", ratio(fewWords, nonBlank));
    out.put("javascript_lines", js);
    out.put("policy_lines", policy);
    out.put("lorem_ipsum_lines", lorem);
    out.put("curly_bracket_lines", curly);

    // FineWeb.
    List<String> fwLines = new ArrayList<>();
    for (String l : text.split("\n", -1)) {
      if (!strip(l).isEmpty()) {
        fwLines.add(l);
      }
    }
    int punct = 0;
    int shortLines = 0;
    for (String l : fwLines) {
      punct += endsWithAny(l) ? 1 : 0;
      shortLines += len(l) <= 30 ? 1 : 0;
    }
    out.put("line_punct_ratio", ratio(punct, fwLines.size()));
    out.put("short_line_ratio", ratio(shortLines, fwLines.size()));
    out.put("dup_line_char_ratio", ratio(findDuplicates(fwLines)[1], len(text.replace("\n", ""))));
    out.put("newline_word_ratio", ratio(count(text, "\n"), n));

    // RedPajama.
    Map<String, Integer> counts = new LinkedHashMap<>();
    int caps = 0;
    for (String w : words) {
      counts.merge(lower(w), 1, Integer::sum);
      caps += isUpper(w) ? 1 : 0;
    }
    double entropy = 0;
    for (int c : counts.values()) {
      double q = (double) c / n;
      entropy -= q * Math.log(q);
    }
    out.put("unique_word_fraction", ratio(counts.size(), n));
    out.put("unigram_entropy", n == 0 ? null : entropy);
    out.put("all_caps_word_fraction", ratio(caps, n));
    out.put("stop_word_fraction", stopWords == null ? null : ratio(stop, n));
    out.put("curly_bracket_ratio", ratio(count(text, "{") + count(text, "}"), chars));
    out.put("quality_score", null);
    return out;
  }

  /** Lucene finds no words in text ending with an unpaired high surrogate; the char is not one. */
  static String withoutDanglingSurrogate(String s) {
    int n = s.length();
    return n > 0 && Character.isHighSurrogate(s.charAt(n - 1)) ? s.substring(0, n - 1) : s;
  }

  static int len(String s) {
    return s.codePointCount(0, s.length());
  }

  private static Double ratio(double a, double b) {
    return b == 0 ? null : a / b;
  }

  /** Python's str.count: non-overlapping occurrences from the left. */
  static int count(String s, String sub) {
    int c = 0;
    int i = s.indexOf(sub);
    while (i >= 0) {
      c++;
      i = s.indexOf(sub, i + sub.length());
    }
    return c;
  }

  static List<String> splitlines(String text) {
    List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static boolean isPySpace(int cp) {
    return PY_SPACE.indexOf(cp) >= 0;
  }

  static String strip(String s) {
    return rstrip(lstrip(s));
  }

  static String lstrip(String s) {
    int i = 0;
    while (i < s.length() && isPySpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  static String rstrip(String s) {
    int i = s.length();
    while (i > 0 && isPySpace(s.charAt(i - 1))) {
      i--;
    }
    return s.substring(0, i);
  }

  private static boolean endsWithAny(String s) {
    return LINE_FINAL.stream().anyMatch(s::endsWith);
  }

  /** datatrove's find_duplicates: (repeated elements, their characters). */
  static long[] findDuplicates(List<String> xs) {
    Set<String> seen = new HashSet<>();
    long dups = 0;
    long chars = 0;
    for (String x : xs) {
      if (!seen.add(x)) {
        dups++;
        chars += len(x);
      }
    }
    return new long[] {dups, chars};
  }

  static List<String> ngrams(List<String> words, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + n <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + n)));
    }
    return out;
  }

  /** datatrove's find_top_duplicate with Counter.most_common(1)'s first-inserted tie-break. */
  static long findTopDuplicate(List<String> grams) {
    Map<String, Integer> counter = new LinkedHashMap<>();
    for (String g : grams) {
      counter.merge(g, 1, Integer::sum);
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counter.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return (long) len(best) * bestCount;
  }

  /** datatrove's find_all_duplicate (n-grams joined without spaces, skipping past repeats). */
  static long findAllDuplicate(List<String> words, int n) {
    Set<String> unique = new HashSet<>();
    long repeated = 0;
    int idx = 0;
    while (idx < words.size() - n + 1) {
      String g = String.join("", words.subList(idx, idx + n));
      if (unique.contains(g)) {
        repeated += len(g);
        idx += n;
      } else {
        unique.add(g);
        idx++;
      }
    }
    return repeated;
  }

  /**
   * Sentence ends on one line: a run of sentence-final marks after a letter or digit, then
   * closers, then a space or the line end (or a CJK full stop in the run); plus trailing text.
   */
  static int sentences(String line) {
    int[] cps = line.codePoints().toArray();
    int count = 0;
    boolean content = false;
    int i = 0;
    while (i < cps.length) {
      int c = cps[i];
      if (SENTENCE_FINAL.indexOf(c) >= 0 && content) {
        int j = i;
        boolean noSpace = false;
        while (j < cps.length && SENTENCE_FINAL.indexOf(cps[j]) >= 0) {
          noSpace |= NO_SPACE_FINAL.indexOf(cps[j]) >= 0;
          j++;
        }
        int k = j;
        while (k < cps.length && CLOSERS.indexOf(cps[k]) >= 0) {
          k++;
        }
        if (noSpace || k == cps.length || isPySpace(cps[k])) {
          count++;
          content = false;
          i = k;
        } else {
          i = j;
        }
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        content = true;
      }
      i++;
    }
    return count + (content ? 1 : 0);
  }

  static String lower(String w) {
    StringBuilder sb = new StringBuilder();
    w.codePoints().map(Character::toLowerCase).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** Python's str.isupper(). */
  static boolean isUpper(String w) {
    boolean cased = false;
    for (int cp : w.codePoints().toArray()) {
      if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      cased |= Character.isUpperCase(cp);
    }
    return cased;
  }

  static String dominantScript(String text) {
    Map<String, Integer> counts = new HashMap<>();
    for (int cp : text.codePoints().toArray()) {
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      String name = switch (s) {
        case HAN, HIRAGANA, KATAKANA, BOPOMOFO -> "cjk";
        default -> s.name().toLowerCase(Locale.ROOT);
      };
      counts.merge(name, 1, Integer::sum);
    }
    String best = null;
    for (String name : counts.keySet()) {
      if (best == null || counts.get(name) > counts.get(best)
          || counts.get(name).equals(counts.get(best)) && name.compareTo(best) < 0) {
        best = name;
      }
    }
    return best;
  }
}
