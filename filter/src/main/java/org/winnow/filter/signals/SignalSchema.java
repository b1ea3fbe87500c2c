package org.winnow.filter.signals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.winnow.core.schema.Column;
import org.winnow.core.schema.ColumnType;

/**
 * Every signal column the filter stage adds to the document dataset, named and typed in this one
 * place. {@code jobs/} adds {@link #COLUMNS} to its Spark schema and fills them from
 * {@link SignalValues#toRow()}, which follows the same order.
 *
 * <p>Counts of characters are Unicode code points (as Python's {@code len} counts them, so the
 * published thresholds keep their meaning); words are UAX#29 words (core's {@code
 * WordSegmenter}); lines are split at the line breaks Python's {@code str.splitlines()} knows.
 */
public final class SignalSchema {
  private static final List<Signal> ALL = new ArrayList<>();

  // --- text -----------------------------------------------------------------------------------
  public static final Signal CHAR_COUNT = def("char_count", ColumnType.INT, TextSignals.NAME,
      "characters (code points) in the text");
  public static final Signal LINE_COUNT = def("line_count", ColumnType.INT, TextSignals.NAME,
      "lines, as Python's str.splitlines() counts them");
  public static final Signal DOMINANT_SCRIPT = def("dominant_script", ColumnType.STRING,
      TextSignals.NAME, "Unicode script with the most letters, lower case ('latin', 'cyrillic',"
          + " ...); Han, Hiragana, Katakana and Bopomofo count together as 'cjk'; null without"
          + " letters. Rules use it for per-script thresholds");

  // --- gopher_quality (Rae et al. 2021, MassiveText, appendix A; datatrove GopherQualityFilter) -
  public static final Signal WORD_COUNT = def("word_count", ColumnType.INT,
      GopherQualitySignals.NAME, "UAX#29 words");
  public static final Signal MEAN_WORD_LENGTH = def("mean_word_length", ColumnType.DOUBLE,
      GopherQualitySignals.NAME, "mean characters per word");
  public static final Signal HASH_WORD_RATIO = def("hash_word_ratio", ColumnType.DOUBLE,
      GopherQualitySignals.NAME, "occurrences of '#' per word");
  public static final Signal ELLIPSIS_WORD_RATIO = def("ellipsis_word_ratio", ColumnType.DOUBLE,
      GopherQualitySignals.NAME, "non-overlapping '...' plus '…' per word");
  public static final Signal BULLET_LINE_FRACTION = def("bullet_line_fraction",
      ColumnType.DOUBLE, GopherQualitySignals.NAME,
      "fraction of lines whose first non-space character is '•' or '-'");
  public static final Signal ELLIPSIS_LINE_FRACTION = def("ellipsis_line_fraction",
      ColumnType.DOUBLE, GopherQualitySignals.NAME,
      "fraction of lines ending, before trailing spaces, in '...' or '…'");
  public static final Signal ALPHA_WORD_FRACTION = def("alpha_word_fraction", ColumnType.DOUBLE,
      GopherQualitySignals.NAME, "fraction of words with at least one letter");
  public static final Signal STOP_WORD_COUNT = def("stop_word_count", ColumnType.INT,
      GopherQualitySignals.NAME, "words in the document language's stop-word list (Gopher's"
          + " eight for English, Lucene's list otherwise, case-insensitive); null when the"
          + " language has none");

  // --- gopher_repetition (Rae et al. 2021, table A1; datatrove GopherRepetitionFilter) --------
  public static final Signal DUP_LINE_FRACTION = def("dup_line_fraction", ColumnType.DOUBLE,
      GopherRepetitionSignals.NAME, "fraction of lines (split at runs of line breaks) that"
          + " repeat an earlier line");
  public static final Signal DUP_PARA_FRACTION = def("dup_para_fraction", ColumnType.DOUBLE,
      GopherRepetitionSignals.NAME, "fraction of paragraphs (split at blank lines) that repeat"
          + " an earlier paragraph");
  public static final Signal DUP_LINE_CHAR_FRACTION = def("dup_line_char_fraction",
      ColumnType.DOUBLE, GopherRepetitionSignals.NAME,
      "characters in repeated lines over all characters");
  public static final Signal DUP_PARA_CHAR_FRACTION = def("dup_para_char_fraction",
      ColumnType.DOUBLE, GopherRepetitionSignals.NAME,
      "characters in repeated paragraphs over all characters");
  public static final Signal TOP_2GRAM_CHAR_FRACTION = topNgram(2);
  public static final Signal TOP_3GRAM_CHAR_FRACTION = topNgram(3);
  public static final Signal TOP_4GRAM_CHAR_FRACTION = topNgram(4);
  public static final Signal DUP_5GRAM_CHAR_FRACTION = dupNgram(5);
  public static final Signal DUP_6GRAM_CHAR_FRACTION = dupNgram(6);
  public static final Signal DUP_7GRAM_CHAR_FRACTION = dupNgram(7);
  public static final Signal DUP_8GRAM_CHAR_FRACTION = dupNgram(8);
  public static final Signal DUP_9GRAM_CHAR_FRACTION = dupNgram(9);
  public static final Signal DUP_10GRAM_CHAR_FRACTION = dupNgram(10);

  // --- c4 (Raffel et al. 2020, section 2.2; datatrove C4QualityFilter) -------------------------
  public static final Signal SENTENCE_COUNT = def("sentence_count", ColumnType.INT,
      C4Signals.NAME, "sentences: per line, runs of sentence-final punctuation followed by a"
          + " space or the line end (no space needed after CJK full stops), plus trailing text");
  public static final Signal TERMINAL_LINE_FRACTION = def("terminal_line_fraction",
      ColumnType.DOUBLE, C4Signals.NAME, "fraction of non-blank lines that end, before"
          + " trailing spaces, in terminal punctuation and not in '...'");
  public static final Signal FEW_WORD_LINE_FRACTION = def("few_word_line_fraction",
      ColumnType.DOUBLE, C4Signals.NAME, "fraction of non-blank lines with fewer than 3 words");
  public static final Signal JAVASCRIPT_LINES = def("javascript_lines", ColumnType.INT,
      C4Signals.NAME, "lines containing 'javascript', any case");
  public static final Signal POLICY_LINES = def("policy_lines", ColumnType.INT, C4Signals.NAME,
      "lines containing a cookie or policy phrase ('terms of use', 'privacy policy', 'cookie"
          + " policy', 'uses cookies', 'use of cookies', 'use cookies'), any case");
  public static final Signal LOREM_IPSUM_LINES = def("lorem_ipsum_lines", ColumnType.INT,
      C4Signals.NAME, "lines containing 'lorem ipsum', any case");
  public static final Signal CURLY_BRACKET_LINES = def("curly_bracket_lines", ColumnType.INT,
      C4Signals.NAME, "lines containing '{'");

  // --- fineweb (Penedo et al. 2024; datatrove FineWebQualityFilter) --------------------------
  public static final Signal LINE_PUNCT_RATIO = def("line_punct_ratio", ColumnType.DOUBLE,
      FineWebSignals.NAME, "fraction of non-blank lines whose last character is terminal"
          + " punctuation");
  public static final Signal SHORT_LINE_RATIO = def("short_line_ratio", ColumnType.DOUBLE,
      FineWebSignals.NAME, "fraction of non-blank lines of at most 30 characters");
  public static final Signal DUP_LINE_CHAR_RATIO = def("dup_line_char_ratio", ColumnType.DOUBLE,
      FineWebSignals.NAME, "characters in repeated non-blank lines over characters that are"
          + " not '\\n'");
  public static final Signal NEWLINE_WORD_RATIO = def("newline_word_ratio", ColumnType.DOUBLE,
      FineWebSignals.NAME, "'\\n' characters per word (FineWeb's list ratio)");

  // --- redpajama (Together AI, RedPajama-Data-V2 quality signals) ----------------------------
  public static final Signal UNIQUE_WORD_FRACTION = def("unique_word_fraction",
      ColumnType.DOUBLE, RedPajamaSignals.NAME, "distinct lower-cased words over words");
  public static final Signal UNIGRAM_ENTROPY = def("unigram_entropy", ColumnType.DOUBLE,
      RedPajamaSignals.NAME, "entropy, in nats, of the lower-cased word distribution");
  public static final Signal ALL_CAPS_WORD_FRACTION = def("all_caps_word_fraction",
      ColumnType.DOUBLE, RedPajamaSignals.NAME, "fraction of words whose cased letters are all"
          + " upper case (Python's str.isupper)");
  public static final Signal STOP_WORD_FRACTION = def("stop_word_fraction", ColumnType.DOUBLE,
      RedPajamaSignals.NAME, "stop words over words; null when the language has no list");
  public static final Signal CURLY_BRACKET_RATIO = def("curly_bracket_ratio", ColumnType.DOUBLE,
      RedPajamaSignals.NAME, "'{' and '}' over characters");

  // --- classifier --------------------------------------------------------------------------
  public static final Signal QUALITY_SCORE = def("quality_score", ColumnType.DOUBLE,
      "classifier", "probability of the 'high quality' class from the hashed n-gram"
          + " classifier; null when the pipeline has no model");

  /** Every signal, in column order. */
  public static final List<Signal> SIGNALS = Collections.unmodifiableList(ALL);

  /** The columns of {@link #SIGNALS}, in the same order. */
  public static final List<Column> COLUMNS = SIGNALS.stream().map(Signal::column).toList();

  private static final Map<String, Signal> BY_NAME = byName();

  private SignalSchema() {}

  /** The signal called {@code name}, if there is one. */
  public static Optional<Signal> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The signals of one family, in column order. */
  public static List<Signal> family(String familyName) {
    return SIGNALS.stream().filter(s -> s.family().equals(familyName)).toList();
  }

  private static Signal def(String name, ColumnType type, String family, String description) {
    Signal s = new Signal(new Column(name, type, true), family, description, ALL.size());
    ALL.add(s);
    return s;
  }

  private static Signal topNgram(int n) {
    return def("top_" + n + "gram_char_fraction", ColumnType.DOUBLE,
        GopherRepetitionSignals.NAME, "characters covered by the most frequent word " + n
            + "-gram (joined by spaces, times its count) over all characters");
  }

  private static Signal dupNgram(int n) {
    return def("dup_" + n + "gram_char_fraction", ColumnType.DOUBLE,
        GopherRepetitionSignals.NAME, "characters of the words in repeated word " + n
            + "-grams, counted without overlap, over all characters");
  }

  private static Map<String, Signal> byName() {
    Map<String, Signal> m = new LinkedHashMap<>();
    for (Signal s : ALL) {
      if (m.put(s.name(), s) != null) {
        throw new IllegalStateException("duplicate signal name " + s.name());
      }
    }
    return m;
  }
}
