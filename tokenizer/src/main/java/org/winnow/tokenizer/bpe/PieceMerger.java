package org.winnow.tokenizer.bpe;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Applies the merge rules to one piece: start from its bytes, repeatedly merge the adjacent pair
 * with the lowest priority (the leftmost one on ties), stop when no pair merges. This is
 * tiktoken's rule when priorities are ranks and Hugging Face's when they are merge-list indices.
 *
 * <p>Short pieces, nearly all of them, use arrays scanned for the minimum, which beats any
 * structure at that size; pieces over {@link #HEAP_THRESHOLD} bytes use a doubly linked list and a
 * binary heap with lazy invalidation, so a one-megabyte word costs O(n log n) rather than O(n²). Holds scratch arrays: one instance per
 * thread.
 */
final class PieceMerger {

  /** Pieces longer than this take the heap path. */
  static final int HEAP_THRESHOLD = 128;

  private final MergeTable merges;
  private final int[] byteIds;
  private final int[] bytePairRules;

  private int[] tokens = new int[HEAP_THRESHOLD + 1];
  private int[] rules = new int[HEAP_THRESHOLD + 1];
  private int[] prev = new int[0];
  private int[] next = new int[0];
  private long[] heap = new long[0];

  /**
   * @param bytePairRules the rule of every pair of single bytes, indexed by
   *     {@code first << 8 | second}: the first round of lookups, without hashing
   */
  PieceMerger(MergeTable merges, int[] byteIds, int[] bytePairRules) {
    this.merges = merges;
    this.byteIds = byteIds;
    this.bytePairRules = bytePairRules;
  }

  /** The rule of every pair of single bytes, for the constructor. */
  static int[] bytePairRules(MergeTable merges, int[] byteIds) {
    int[] rules = new int[1 << 16];
    for (int first = 0; first < 256; first++) {
      for (int second = 0; second < 256; second++) {
        rules[first << 8 | second] = merges.priority(byteIds[first], byteIds[second]);
      }
    }
    return rules;
  }

  /** Appends the ids of {@code piece[0, len)} to {@code out}. */
  void merge(byte[] piece, int len, IntArrayList out) {
    if (len > HEAP_THRESHOLD) {
      mergeLong(piece, len, out);
      return;
    }
    int[] tok = tokens;
    int[] rule = rules;
    for (int i = 0; i < len; i++) {
      tok[i] = byteIds[piece[i] & 0xFF];
    }
    int n = len;
    for (int i = 0; i + 1 < n; i++) {
      rule[i] = bytePairRules[(piece[i] & 0xFF) << 8 | (piece[i + 1] & 0xFF)];
    }
    while (n > 1) {
      int best = MergeTable.NONE;
      int at = -1;
      for (int i = 0; i + 1 < n; i++) {
        if (rule[i] < best) {
          best = rule[i];
          at = i;
        }
      }
      if (at < 0) {
        break;
      }
      tok[at] = merges.result(best);
      int tail = n - at - 2;
      if (tail > 0) {
        System.arraycopy(tok, at + 2, tok, at + 1, tail);
        System.arraycopy(rule, at + 2, rule, at + 1, tail);
      }
      n--;
      if (at + 1 < n) {
        rule[at] = merges.priority(tok[at], tok[at + 1]);
      }
      if (at > 0) {
        rule[at - 1] = merges.priority(tok[at - 1], tok[at]);
      }
    }
    out.addElements(out.size(), tok, 0, n);
  }

  private void mergeLong(byte[] piece, int len, IntArrayList out) {
    if (prev.length < len) {
      int size = Math.max(len, prev.length * 2);
      tokens = new int[Math.max(tokens.length, size)];
      prev = new int[size];
      next = new int[size];
      heap = new long[size];
    }
    int[] tok = tokens;
    for (int i = 0; i < len; i++) {
      tok[i] = byteIds[piece[i] & 0xFF];
      prev[i] = i - 1;
      next[i] = i + 1 < len ? i + 1 : -1;
    }
    int heapSize = 0;
    for (int i = 0; i + 1 < len; i++) {
      int rule = bytePairRules[(piece[i] & 0xFF) << 8 | (piece[i + 1] & 0xFF)];
      if (rule != MergeTable.NONE) {
        heapSize = push(heapSize, entry(rule, i));
      }
    }
    while (heapSize > 0) {
      long top = heap[0];
      heapSize = popMin(heapSize);
      int at = (int) top;
      int right = tok[at] < 0 ? -1 : next[at];
      if (right < 0) {
        continue;
      }
      int rule = merges.priority(tok[at], tok[right]);
      // A stale entry: the pair at this position changed since it was pushed.
      if (rule != (int) (top >>> 32)) {
        continue;
      }
      tok[at] = merges.result(rule);
      tok[right] = -1;
      int after = next[right];
      next[at] = after;
      if (after >= 0) {
        prev[after] = at;
        int r = merges.priority(tok[at], tok[after]);
        if (r != MergeTable.NONE) {
          heapSize = push(heapSize, entry(r, at));
        }
      }
      int before = prev[at];
      if (before >= 0) {
        int r = merges.priority(tok[before], tok[at]);
        if (r != MergeTable.NONE) {
          heapSize = push(heapSize, entry(r, before));
        }
      }
    }
    for (int i = 0; i >= 0; i = next[i]) {
      out.add(tok[i]);
    }
    if (prev.length > (1 << 20)) {
      // A huge piece should not pin its scratch arrays to the thread.
      prev = new int[0];
      next = new int[0];
      heap = new long[0];
      tokens = new int[HEAP_THRESHOLD + 1];
    }
  }

  private static long entry(int priority, int position) {
    return ((long) priority << 32) | position;
  }

  private int push(int size, long value) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, Math.max(16, size * 2));
    }
    long[] h = heap;
    int i = size;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (h[parent] <= value) {
        break;
      }
      h[i] = h[parent];
      i = parent;
    }
    h[i] = value;
    return size + 1;
  }

  private int popMin(int size) {
    long[] h = heap;
    int last = size - 1;
    long value = h[last];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= last) {
        break;
      }
      if (child + 1 < last && h[child + 1] < h[child]) {
        child++;
      }
      if (value <= h[child]) {
        break;
      }
      h[i] = h[child];
      i = child;
    }
    h[i] = value;
    return last;
  }
}
