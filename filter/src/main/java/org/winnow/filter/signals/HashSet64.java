package org.winnow.filter.signals;

import java.util.Collection;

/**
 * An immutable set of 64-bit hashes with a branch-light {@link #contains}: the stop-word test
 * runs once per word, so it is kept to one or two array reads.
 */
public final class HashSet64 {
  private final long[] table;
  private final int mask;
  private final boolean hasZero;

  public HashSet64(Collection<Long> hashes) {
    int capacity = 16;
    while (capacity < 2 * hashes.size()) {
      capacity <<= 1;
    }
    table = new long[capacity];
    mask = capacity - 1;
    boolean zero = false;
    for (long h : hashes) {
      if (h == 0) {
        // 0 marks a free slot, so it is remembered apart.
        zero = true;
        continue;
      }
      int i = (int) h & mask;
      while (table[i] != 0 && table[i] != h) {
        i = (i + 1) & mask;
      }
      table[i] = h;
    }
    hasZero = zero;
  }

  public boolean contains(long h) {
    if (h == 0) {
      return hasZero;
    }
    int i = (int) h & mask;
    long t;
    while ((t = table[i]) != 0) {
      if (t == h) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }
}
