package org.winnow.dedup.minhash;

import java.util.SplittableRandom;

/**
 * The hash family of a signature: permutation {@code i} maps a shingle hash {@code h} through
 * {@code (h + b[i]) * a[i]} (odd {@code a[i]}, mod 2^64) and then a xorshift-multiply-xorshift
 * finaliser; every step is a bijection of the 64-bit space. The plain affine map alone is not
 * min-wise independent enough: its rows are correlated and the measured candidate rate sat 5 to 7
 * points above the S-curve. Both MinHash implementations call {@link #apply}, so equal seeds give
 * equal signatures.
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
    return mix(a[i], b[i], h);
  }

  static long mix(long a, long b, long h) {
    long x = (h + b) * a;
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    return x ^ (x >>> 27);
  }
}
