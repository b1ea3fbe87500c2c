package org.winnow.filter.signals;

/**
 * Gopher's repetition heuristics (Rae et al. 2021, table A1), following datatrove's {@code
 * GopherRepetitionFilter} line by line: paragraphs are the stripped text split at two or more
 * consecutive line breaks, lines the text split at runs of line breaks (so a leading or trailing
 * break yields an empty element, as {@code re.split} does), n-grams run over UAX#29 words.
 * Strings are compared by 64-bit hash; n-gram hashes come from prefix sums of word hashes, so
 * each n-gram costs O(1) whatever n is.
 */
public final class GopherRepetitionSignals implements SignalFamily {
  public static final String NAME = "gopher_repetition";

  private static final long BASE = 0x9E3779B97F4A7C15L;
  private static final Signal[] TOP = {
    SignalSchema.TOP_2GRAM_CHAR_FRACTION, SignalSchema.TOP_3GRAM_CHAR_FRACTION,
    SignalSchema.TOP_4GRAM_CHAR_FRACTION
  };
  private static final Signal[] DUP = {
    SignalSchema.DUP_5GRAM_CHAR_FRACTION, SignalSchema.DUP_6GRAM_CHAR_FRACTION,
    SignalSchema.DUP_7GRAM_CHAR_FRACTION, SignalSchema.DUP_8GRAM_CHAR_FRACTION,
    SignalSchema.DUP_9GRAM_CHAR_FRACTION, SignalSchema.DUP_10GRAM_CHAR_FRACTION
  };

  // Separate tables for lines and n-grams: each keeps the size its own use needs, instead of
  // shrinking for the lines and growing again for the words on every document.
  private final LongTable lineSeen = new LongTable();
  private final LongTable ngramSeen = new LongTable();
  private final LongTable counts = new LongTable();
  private long[] prefixHash = new long[64];
  private long[] prefixChars = new long[64];

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void compute(TextProfile p, SignalValues out) {
    int chars = p.charCount;
    paragraphs(p, out, chars);
    lines(p, out, chars);
    prefixes(p);
    for (int k = 0; k < TOP.length; k++) {
      out.setRatio(TOP[k], topNgramChars(p.wordCount, k + 2), chars);
    }
    for (int k = 0; k < DUP.length; k++) {
      out.setRatio(DUP[k], duplicateNgramChars(p.wordCount, k + 5), chars);
    }
  }

  private void paragraphs(TextProfile p, SignalValues out, int chars) {
    LongTable seen = lineSeen;
    seen.reset(p.lineCount + 1);
    int total = 0;
    int dups = 0;
    long dupChars = 0;
    int s = p.stripStart;
    int e = p.stripEnd;
    int line = 0;
    while (line < p.lineCount && p.lineEnd[line] < s) {
      line++;
    }
    if (s >= e || line >= p.lineCount) {
      // The stripped text is empty: one empty paragraph.
      total = 1;
    }
    while (s < e && line < p.lineCount && p.lineStart[line] < e) {
      // A paragraph: consecutive lines up to an empty line (two breaks in a row) or the end.
      long h = TextHash.SEED;
      long len = 0;
      boolean first = true;
      while (line < p.lineCount && p.lineStart[line] < e
          && (first || p.lineStart[line] != p.lineEnd[line])) {
        int from = Math.max(p.lineStart[line], s);
        int to = Math.min(p.lineEnd[line], e);
        long lineHash;
        int lineLen;
        if (from == p.lineStart[line] && to == p.lineEnd[line]) {
          lineHash = p.lineHash[line];
          lineLen = p.lineChars[line];
        } else {
          lineHash = TextHash.hash(p.chars, from, to);
          lineLen = Character.codePointCount(p.chars, from, to - from);
        }
        h = TextHash.fmix64(h * BASE + lineHash);
        len += lineLen + (first ? 0 : 1);
        first = false;
        line++;
      }
      total++;
      if (!seen.add(h)) {
        dups++;
        dupChars += len;
      }
      while (line < p.lineCount && p.lineStart[line] == p.lineEnd[line]) {
        line++;
      }
    }
    out.setRatio(SignalSchema.DUP_PARA_FRACTION, dups, total);
    out.setRatio(SignalSchema.DUP_PARA_CHAR_FRACTION, dupChars, chars);
  }

  private void lines(TextProfile p, SignalValues out, int chars) {
    LongTable seen = lineSeen;
    seen.reset(p.lineCount + 2);
    int total = 0;
    int dups = 0;
    long dupChars = 0;
    long empty = TextHash.hash(p.chars, 0, 0);
    if (p.text.isEmpty() || p.startsWithBreak) {
      total++;
      seen.add(empty);
    }
    for (int i = 0; i < p.lineCount; i++) {
      if (p.lineChars[i] == 0) {
        continue;
      }
      total++;
      if (!seen.add(p.lineHash[i])) {
        dups++;
        dupChars += p.lineChars[i];
      }
    }
    if (!p.text.isEmpty() && p.endsWithBreak) {
      total++;
      if (!seen.add(empty)) {
        dups++;
      }
    }
    out.setRatio(SignalSchema.DUP_LINE_FRACTION, dups, total);
    out.setRatio(SignalSchema.DUP_LINE_CHAR_FRACTION, dupChars, chars);
  }

  private void prefixes(TextProfile p) {
    int n = p.wordCount;
    if (prefixHash.length < n + 1) {
      prefixHash = new long[Math.max(n + 1, prefixHash.length * 2)];
      prefixChars = new long[prefixHash.length];
    }
    prefixHash[0] = 0;
    prefixChars[0] = 0;
    for (int i = 0; i < n; i++) {
      prefixHash[i + 1] = prefixHash[i] * BASE + p.wordHash[i];
      prefixChars[i + 1] = prefixChars[i] + p.wordLength[i];
    }
  }

  private long ngramHash(int from, int n, long basePowN) {
    return TextHash.fmix64(prefixHash[from + n] - prefixHash[from] * basePowN);
  }

  private static long power(int n) {
    long r = 1;
    for (int i = 0; i < n; i++) {
      r *= BASE;
    }
    return r;
  }

  /**
   * Characters of the most frequent n-gram (words joined by single spaces) times its count.
   * Ties go to the n-gram seen first, as Python's {@code Counter.most_common(1)} does. With no
   * repeated n-gram this is still the first n-gram's length, as in datatrove.
   */
  private long topNgramChars(int words, int n) {
    if (words < n) {
      return 0;
    }
    counts.reset(words);
    long pow = power(n);
    long bestCount = 0;
    int bestFirst = 0;
    for (int i = 0; i + n <= words; i++) {
      long v = counts.count(ngramHash(i, n, pow), i);
      long first = v >>> 32;
      long count = v & 0xffffffffL;
      if (count > bestCount || (count == bestCount && first < bestFirst)) {
        bestCount = count;
        bestFirst = (int) first;
      }
    }
    long len = prefixChars[bestFirst + n] - prefixChars[bestFirst] + (n - 1);
    return len * bestCount;
  }

  /**
   * Characters (words only, no spaces) of n-grams that repeat an earlier one; after a repeat the
   * scan jumps past it, so overlapping repeats are not counted twice (datatrove's
   * {@code find_all_duplicate}).
   */
  private long duplicateNgramChars(int words, int n) {
    LongTable seen = ngramSeen;
    seen.reset(words);
    long pow = power(n);
    long repeated = 0;
    int i = 0;
    while (i + n <= words) {
      if (seen.add(ngramHash(i, n, pow))) {
        i++;
      } else {
        repeated += prefixChars[i + n] - prefixChars[i];
        i += n;
      }
    }
    return repeated;
  }
}
