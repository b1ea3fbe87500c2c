package org.winnow.filter.signals;

import java.util.Arrays;

/**
 * An open-addressing table of 64-bit hash keys, each with an optional 64-bit value, for the
 * per-document duplicate and count signals. Keys are already well-mixed hashes, so their low bits
 * index the table directly. Emptying it between uses costs nothing: the top 8 bits of each
 * stored key hold the generation that wrote it, and a new generation makes every slot free (so
 * keys are compared on their low 56 bits; two different strings of one document collide with
 * probability about n^2 / 2^57). Not thread-safe.
 */
final class LongTable {
  private static final int MIN_CAPACITY = 64;
  private static final long KEY_BITS = 0x00FF_FFFF_FFFF_FFFFL;

  private long[] slots = new long[MIN_CAPACITY];
  private long[] values = new long[MIN_CAPACITY];
  private long tag = 1L << 56;
  private int mask = MIN_CAPACITY - 1;
  private int size;

  /** Empties the table, sized for up to {@code expected} keys. */
  void reset(int expected) {
    int capacity = MIN_CAPACITY;
    while (capacity < 2L * expected) {
      capacity <<= 1;
    }
    // Grow to fit; shrink after a huge document so that memory does not stay pinned.
    if (capacity > slots.length || slots.length > 4 * capacity && slots.length > 1 << 16) {
      slots = new long[capacity];
      values = new long[capacity];
      mask = capacity - 1;
      tag = 1L << 56;
    } else if ((tag += 1L << 56) == 0) {
      // 255 generations used: start over from clean slots.
      Arrays.fill(slots, 0);
      tag = 1L << 56;
    }
    size = 0;
  }

  int size() {
    return size;
  }

  /** Adds {@code key}; false when it was already there. */
  boolean add(long key) {
    long k = (key & KEY_BITS) | tag;
    int i = (int) key & mask;
    long s;
    while (((s = slots[i]) & ~KEY_BITS) == tag) {
      if (s == k) {
        return false;
      }
      i = (i + 1) & mask;
    }
    claim(i, k, 0);
    return true;
  }

  /** The value of {@code key}, or 0 when it is absent. */
  long get(long key) {
    int i = slot(key);
    return (slots[i] & ~KEY_BITS) == tag ? values[i] : 0;
  }

  /** Sets the value of {@code key}, adding the key when absent. */
  void put(long key, long value) {
    int i = slot(key);
    if ((slots[i] & ~KEY_BITS) == tag) {
      values[i] = value;
    } else {
      claim(i, (key & KEY_BITS) | tag, value);
    }
  }

  /**
   * Counts one more occurrence of {@code key}, first seen at {@code index} if new, and returns
   * its value: the first index in the high 32 bits, the count in the low 32.
   */
  long count(long key, int index) {
    int i = slot(key);
    long v;
    if ((slots[i] & ~KEY_BITS) == tag) {
      v = values[i] + 1;
      values[i] = v;
    } else {
      v = (long) index << 32 | 1;
      claim(i, (key & KEY_BITS) | tag, v);
    }
    return v;
  }

  /** The slot holding {@code key}, or the free slot where it would go. */
  private int slot(long key) {
    long k = (key & KEY_BITS) | tag;
    int i = (int) key & mask;
    long s;
    while (((s = slots[i]) & ~KEY_BITS) == tag && s != k) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void claim(int i, long taggedKey, long value) {
    if (2 * (size + 1) > slots.length) {
      throw new IllegalStateException(
          "table sized for " + slots.length / 2 + " keys got more; reset it with a larger bound");
    }
    slots[i] = taggedKey;
    values[i] = value;
    size++;
  }
}
