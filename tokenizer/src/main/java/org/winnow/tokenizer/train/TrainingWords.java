package org.winnow.tokenizer.train;

import java.util.Arrays;

/**
 * The distinct pre-tokens being trained on, each a run of symbol ids in one shared arena with its
 * count. Merging rewrites a word in place (it only ever shrinks), so the arena never grows after
 * loading.
 */
final class TrainingWords {

  private int[] symbols = new int[1 << 16];
  private int[] starts = new int[1 << 12];
  private int[] lengths = new int[1 << 12];
  private long[] counts = new long[1 << 12];
  private int size;
  private int used;

  /** Adds a word of the bytes {@code bytes[0, len)} seen {@code count} times. */
  void add(byte[] bytes, int len, long count) {
    if (used + len > symbols.length) {
      long grown = Math.max(used + (long) len, symbols.length * 2L);
      if (grown > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("more than 2^31 bytes of distinct pre-tokens");
      }
      symbols = Arrays.copyOf(symbols, (int) grown);
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    for (int i = 0; i < len; i++) {
      symbols[used + i] = bytes[i] & 0xFF;
    }
    starts[size] = used;
    lengths[size] = len;
    counts[size] = count;
    used += len;
    size++;
  }

  int size() {
    return size;
  }

  int length(int word) {
    return lengths[word];
  }

  long count(int word) {
    return counts[word];
  }

  int symbol(int word, int i) {
    return symbols[starts[word] + i];
  }

  /**
   * Replaces every non-overlapping occurrence of {@code (left, right)} in {@code word}, scanning left
   * to right, by {@code merged}, reporting each change of adjacent pairs to {@code pairs}.
   */
  void merge(int word, int left, int right, int merged, PairIndex pairs) {
    int start = starts[word];
    int len = lengths[word];
    long count = counts[word];
    int[] s = symbols;
    int i = 0;
    while (i < len - 1) {
      if (s[start + i] != left || s[start + i + 1] != right) {
        i++;
        continue;
      }
      if (i > 0) {
        int before = s[start + i - 1];
        pairs.subtract(PairIndex.pair(before, left), count);
        pairs.add(PairIndex.pair(before, merged), count, word);
      }
      pairs.subtract(PairIndex.pair(left, right), count);
      if (i + 2 < len) {
        int after = s[start + i + 2];
        pairs.subtract(PairIndex.pair(right, after), count);
        pairs.add(PairIndex.pair(merged, after), count, word);
      }
      s[start + i] = merged;
      System.arraycopy(s, start + i + 2, s, start + i + 1, len - i - 2);
      len--;
      i++;
    }
    lengths[word] = len;
  }
}
