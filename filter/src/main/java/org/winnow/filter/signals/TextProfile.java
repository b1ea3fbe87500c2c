package org.winnow.filter.signals;

import java.util.Arrays;

/**
 * What one pass over a document's characters and one pass of the UAX#29 word segmenter learn
 * about it: per line, per word, and for the whole text. Every signal family computes from this,
 * so the text is read once however many signals there are. Built and reused by
 * {@link TextProfiler}; valid until its next {@code profile} call.
 */
public final class TextProfile {
  /** Line flag: the line has no non-space character. */
  public static final int BLANK = 1;
  /** Line flag: the first non-space character is '•' or '-'. */
  public static final int BULLET = 1 << 1;
  /** Line flag: before trailing spaces the line ends in "..." or "…". */
  public static final int ELLIPSIS_END = 1 << 2;
  /** Line flag: before trailing spaces the line ends in line-final punctuation, not "...". */
  public static final int TERMINAL_STRIPPED = 1 << 3;
  /** Line flag: the line's very last character is line-final punctuation. */
  public static final int TERMINAL_RAW = 1 << 4;
  /** Line flag: contains "javascript". */
  public static final int JAVASCRIPT = 1 << 5;
  /** Line flag: contains "lorem ipsum". */
  public static final int LOREM_IPSUM = 1 << 6;
  /** Line flag: contains a cookie or policy phrase. */
  public static final int POLICY = 1 << 7;
  /** Line flag: contains '{'. */
  public static final int CURLY = 1 << 8;
  /** Line flag: contains '[' (a citation mark may be there). */
  public static final int BRACKET = 1 << 9;

  /** Word flag: has a letter. */
  public static final int ALPHA = 1;
  /** Word flag: has a cased letter and none in lower or title case. */
  public static final int ALL_CAPS = 2;
  /** Word flag: in the language's stop-word list. */
  public static final int STOP = 4;

  String text = "";
  char[] chars = new char[0];
  String lang = "";
  boolean hasStopWords;

  int charCount;
  int newlineCount;
  int hashCount;
  int ellipsisCount;
  int openCurlyCount;
  int closeCurlyCount;
  boolean startsWithBreak;
  boolean endsWithBreak;
  int stripStart;
  int stripEnd;
  int[] scriptCounts = new int[Scripts.slots()];

  int lineCount;
  int[] lineStart = new int[16];
  int[] lineEnd = new int[16];
  int[] lineChars = new int[16];
  long[] lineHash = new long[16];
  int[] lineFlags = new int[16];
  int[] lineWords = new int[16];
  int[] lineSentences = new int[16];
  int[] lineLongestRun = new int[16];

  int wordCount;
  int[] wordLength = new int[64];
  long[] wordHash = new long[64];
  long[] wordFoldHash = new long[64];
  byte[] wordFlags = new byte[64];

  TextProfile() {}

  public String text() {
    return text;
  }

  /** The language as given, normalised to its primary subtag ("pt-BR" gives "pt"). */
  public String lang() {
    return lang;
  }

  /** Whether the language has a stop-word list (otherwise stop-word signals are null). */
  public boolean hasStopWords() {
    return hasStopWords;
  }

  /** Characters (code points). */
  public int charCount() {
    return charCount;
  }

  /** '\n' characters. */
  public int newlineCount() {
    return newlineCount;
  }

  public int lineCount() {
    return lineCount;
  }

  /** Char offset where line {@code i} starts. */
  public int lineStart(int i) {
    return lineStart[i];
  }

  /** Char offset where line {@code i} ends, before its line break. */
  public int lineEnd(int i) {
    return lineEnd[i];
  }

  /** Characters (code points) of line {@code i}, without its line break. */
  public int lineChars(int i) {
    return lineChars[i];
  }

  public long lineHash(int i) {
    return lineHash[i];
  }

  public int lineFlags(int i) {
    return lineFlags[i];
  }

  public boolean lineHas(int i, int flag) {
    return (lineFlags[i] & flag) != 0;
  }

  /** UAX#29 words on line {@code i}. */
  public int lineWords(int i) {
    return lineWords[i];
  }

  public int lineSentences(int i) {
    return lineSentences[i];
  }

  /** The longest run of non-space characters on line {@code i}, in code points. */
  public int lineLongestRun(int i) {
    return lineLongestRun[i];
  }

  public int wordCount() {
    return wordCount;
  }

  /** Characters (code points) of word {@code i}. */
  public int wordLength(int i) {
    return wordLength[i];
  }

  /** {@link TextHash} of word {@code i} as written. */
  public long wordHash(int i) {
    return wordHash[i];
  }

  /** {@link TextHash} of word {@code i} with each code point lower-cased. */
  public long wordFoldHash(int i) {
    return wordFoldHash[i];
  }

  /**
   * The fold hashes of all words, in order: the first {@link #wordCount()} entries of the
   * returned array (which belongs to the profile and is reused).
   */
  public long[] wordFoldHashes() {
    return wordFoldHash;
  }

  public boolean wordHas(int i, int flag) {
    return (wordFlags[i] & flag) != 0;
  }

  /** The dominant script's name, or null when the text has no letters. */
  public String dominantScript() {
    return Scripts.dominant(scriptCounts);
  }

  void reset(String newText, String newLang, boolean stopWords) {
    text = newText;
    lang = newLang;
    hasStopWords = stopWords;
    charCount = 0;
    newlineCount = 0;
    hashCount = 0;
    ellipsisCount = 0;
    openCurlyCount = 0;
    closeCurlyCount = 0;
    startsWithBreak = false;
    endsWithBreak = false;
    stripStart = 0;
    stripEnd = 0;
    Arrays.fill(scriptCounts, 0);
    lineCount = 0;
    wordCount = 0;
  }

  void ensureLines(int n) {
    if (n > lineStart.length) {
      int cap = Math.max(n, lineStart.length * 2);
      lineStart = Arrays.copyOf(lineStart, cap);
      lineEnd = Arrays.copyOf(lineEnd, cap);
      lineChars = Arrays.copyOf(lineChars, cap);
      lineHash = Arrays.copyOf(lineHash, cap);
      lineFlags = Arrays.copyOf(lineFlags, cap);
      lineWords = Arrays.copyOf(lineWords, cap);
      lineSentences = Arrays.copyOf(lineSentences, cap);
      lineLongestRun = Arrays.copyOf(lineLongestRun, cap);
    }
  }

  void ensureWords(int n) {
    if (n > wordLength.length) {
      int cap = Math.max(n, wordLength.length * 2);
      wordLength = Arrays.copyOf(wordLength, cap);
      wordHash = Arrays.copyOf(wordHash, cap);
      wordFoldHash = Arrays.copyOf(wordFoldHash, cap);
      wordFlags = Arrays.copyOf(wordFlags, cap);
    }
  }
}
