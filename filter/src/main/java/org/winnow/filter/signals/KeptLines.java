package org.winnow.filter.signals;

import java.util.Arrays;

/**
 * Derives the profile of a line-cleaned text from the profile of the text it was cleaned from
 * ({@link TextProfiler#profileKeptLines}): lines and words never span a line break, so the kept
 * lines' facts carry over and only a few text-wide counts need another (light) pass. Reuses its
 * buffers; not thread-safe.
 */
final class KeptLines {
  private int[] kept = new int[64];
  private boolean[] breakBefore = new boolean[64];

  /**
   * Rewrites {@code p}, a profile of the text in {@code buf}, into the profile of {@code
   * cleaned}, when {@code cleaned} is whole lines of that text, in order and unchanged, joined by
   * "\n" or "\n\n". Returns false, leaving {@code p} as it was, when it is not.
   */
  boolean derive(TextProfile p, char[] buf, String cleaned) {
    int n = cleaned.length();
    if (n == 0 || p.lineCount == 0 || n > buf.length) {
      return false;
    }
    if (kept.length < p.lineCount) {
      kept = new int[p.lineCount];
      breakBefore = new boolean[p.lineCount];
    }
    // Match the cleaned lines to the profiled ones, without changing anything yet.
    int count = 0;
    int raw = 0;
    int pos = 0;
    boolean pendingBreak = false;
    while (true) {
      int nl = cleaned.indexOf('\n', pos);
      int end = nl < 0 ? n : nl;
      if (end == pos) {
        if (count == 0 || nl < 0 || pendingBreak) {
          return false;
        }
        pendingBreak = true;
      } else {
        while (raw < p.lineCount && !sameLine(p, raw, cleaned, pos, end)) {
          raw++;
        }
        if (raw == p.lineCount) {
          return false;
        }
        kept[count] = raw;
        breakBefore[count] = pendingBreak;
        count++;
        raw++;
        pendingBreak = false;
      }
      if (nl < 0) {
        break;
      }
      pos = nl + 1;
    }
    if (pendingBreak) {
      return false;
    }
    compact(p, buf, cleaned, count);
    return true;
  }

  private static boolean sameLine(TextProfile p, int line, String s, int from, int to) {
    int start = p.lineStart[line];
    if (p.lineEnd[line] - start != to - from) {
      return false;
    }
    char[] b = p.chars;
    for (int i = from; i < to; i++) {
      if (b[start + i - from] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Rewrites the profile in place: lines and words only move towards the front. */
  private void compact(TextProfile p, char[] buf, String cleaned, int count) {
    int rawLine = 0;
    int rawWord = 0;
    int line = 0;
    int word = 0;
    int pos = 0;
    int chars = 0;
    int newlines = 0;
    long emptyHash = TextHash.finish(TextHash.SEED);
    for (int k = 0; k < count; k++) {
      int r = kept[k];
      while (rawLine < r) {
        rawWord += p.lineWords[rawLine++];
      }
      if (k > 0) {
        pos++;
        newlines++;
        chars++;
      }
      if (breakBefore[k]) {
        p.lineStart[line] = pos;
        p.lineEnd[line] = pos;
        p.lineChars[line] = 0;
        p.lineHash[line] = emptyHash;
        p.lineFlags[line] = TextProfile.BLANK;
        p.lineWords[line] = 0;
        p.lineSentences[line] = 0;
        p.lineLongestRun[line] = 0;
        line++;
        pos++;
        newlines++;
        chars++;
      }
      int length = p.lineEnd[r] - p.lineStart[r];
      int words = p.lineWords[r];
      p.lineStart[line] = pos;
      p.lineEnd[line] = pos + length;
      p.lineChars[line] = p.lineChars[r];
      p.lineHash[line] = p.lineHash[r];
      p.lineFlags[line] = p.lineFlags[r];
      p.lineWords[line] = words;
      p.lineSentences[line] = p.lineSentences[r];
      p.lineLongestRun[line] = p.lineLongestRun[r];
      chars += p.lineChars[line];
      if (word != rawWord) {
        System.arraycopy(p.wordLength, rawWord, p.wordLength, word, words);
        System.arraycopy(p.wordHash, rawWord, p.wordHash, word, words);
        System.arraycopy(p.wordFoldHash, rawWord, p.wordFoldHash, word, words);
        System.arraycopy(p.wordFlags, rawWord, p.wordFlags, word, words);
      }
      word += words;
      rawWord += words;
      rawLine = r + 1;
      pos += length;
      line++;
    }
    p.startsWithBreak = false;
    p.endsWithBreak = false;
    p.lineCount = line;
    p.wordCount = word;
    p.charCount = chars;
    p.newlineCount = newlines;
    p.text = cleaned;
    int n = cleaned.length();
    cleaned.getChars(0, n, buf, 0);
    TextProfiler.stripBounds(p, buf, n);
    countLettersAndSymbols(p, buf, n);
  }

  /**
   * The text-wide counts that are not per line (letters per script, '#', ellipses, braces), for
   * a derived profile: one light pass, much cheaper than profiling again.
   */
  private static void countLettersAndSymbols(TextProfile p, char[] buf, int n) {
    Arrays.fill(p.scriptCounts, 0);
    p.hashCount = 0;
    p.ellipsisCount = 0;
    p.openCurlyCount = 0;
    p.closeCurlyCount = 0;
    char[] b = buf;
    int dots = 0;
    for (int i = 0; i < n; i++) {
      char c = b[i];
      if (c == '.') {
        if (++dots == 3) {
          p.ellipsisCount++;
          dots = 0;
        }
        continue;
      }
      dots = 0;
      if (c < 128) {
        if (TextProfiler.isAsciiLetter(c)) {
          p.scriptCounts[TextProfiler.LATIN]++;
        } else if (c == '#') {
          p.hashCount++;
        } else if (c == '{') {
          p.openCurlyCount++;
        } else if (c == '}') {
          p.closeCurlyCount++;
        }
        continue;
      }
      if (c == 0x2026) {
        p.ellipsisCount++;
        continue;
      }
      int cp = c;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(b[i + 1])) {
        cp = Character.toCodePoint(c, b[++i]);
      }
      int type = Character.getType(cp);
      if (type >= Character.UPPERCASE_LETTER && type <= Character.OTHER_LETTER) {
        p.scriptCounts[Scripts.slot(cp)]++;
      }
    }
  }
}
