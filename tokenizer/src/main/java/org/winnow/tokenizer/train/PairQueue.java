package org.winnow.tokenizer.train;

import java.util.Arrays;

/**
 * A max-heap of (count, pair) entries: highest count first, then the smallest pair key, which
 * makes training deterministic. Entries are never updated in place; the trainer pops an entry,
 * compares it with the pair's current count and pushes it back if it was stale (counts of
 * existing pairs only fall, so a stale entry is never below the truth).
 */
final class PairQueue {

  private long[] counts = new long[1024];
  private long[] pairs = new long[1024];
  private int size;

  void push(long count, long pair) {
    if (size == counts.length) {
      counts = Arrays.copyOf(counts, size * 2);
      pairs = Arrays.copyOf(pairs, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(count, pair, counts[parent], pairs[parent])) {
        break;
      }
      counts[i] = counts[parent];
      pairs[i] = pairs[parent];
      i = parent;
    }
    counts[i] = count;
    pairs[i] = pair;
  }

  boolean isEmpty() {
    return size == 0;
  }

  long topCount() {
    return counts[0];
  }

  long topPair() {
    return pairs[0];
  }

  void pop() {
    int last = --size;
    long count = counts[last];
    long pair = pairs[last];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= last) {
        break;
      }
      if (child + 1 < last && before(counts[child + 1], pairs[child + 1], counts[child], pairs[child])) {
        child++;
      }
      if (!before(counts[child], pairs[child], count, pair)) {
        break;
      }
      counts[i] = counts[child];
      pairs[i] = pairs[child];
      i = child;
    }
    counts[i] = count;
    pairs[i] = pair;
  }

  int size() {
    return size;
  }

  private static boolean before(long countA, long pairA, long countB, long pairB) {
    return countA > countB || (countA == countB && pairA < pairB);
  }
}
