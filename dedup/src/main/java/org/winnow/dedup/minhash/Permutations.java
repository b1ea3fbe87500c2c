package org.winnow.dedup.minhash;

import java.util.SplittableRandom;

/**
 * The hash family of a signature: permutation {@code i} maps a shingle hash {@code h} to
 * {@code a[i] * h + b[i]} (mod 2^64) with odd {@code a[i]}, a bijection of the 64-bit space. Both
 * MinHash implementations read their coefficients from here, so equal seeds give equal signatures.
 */
final class Permutations {
  final long[] a;
  final long[] b;

  Permutations(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    a = new long[count];
    b = new long[count];
    for (int i = 0; i < count; i++) {
      a[i] = r.nextLong() | 1L;
      b[i] = r.nextLong();
    }
  }

  long apply(int i, long h) {
    return a[i] * h + b[i];
  }
}
