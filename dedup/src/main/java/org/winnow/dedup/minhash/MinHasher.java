package org.winnow.dedup.minhash;

import java.util.Arrays;
import java.util.List;

/**
 * MinHash signatures, computed the fast way: every word is hashed once, every shingle once from
 * the cached word hashes, and the {@code bands x rows} permutations are a few arithmetic steps
 * on that one value. {@link NaiveMinHasher} computes the same function the plain way; the tests
 * require identical signatures. Not thread-safe (it owns a segmenter and buffers).
 */
public final class MinHasher {
  private final MinHashParams params;
  private final Permutations perms;
  private final MatchingWords words = new MatchingWords();
  private long[] wordHashes = new long[256];

  public MinHasher(MinHashParams params) {
    this.params = params;
    this.perms = new Permutations(params.hashes(), params.seed());
  }

  public MinHashParams params() {
    return params;
  }

  /** The signature of {@code text}, or an empty array when it has no words. */
  public long[] signature(String text) {
    return signatureOfWords(words.of(text));
  }

  /** The signature of already normalised, segmented words. */
  public long[] signatureOfWords(List<String> ws) {
    int n = ws.size();
    int shingles = ShingleHashing.shingleCount(n, params.ngram());
    if (shingles == 0) {
      return new long[0];
    }
    if (wordHashes.length < n) {
      wordHashes = new long[Math.max(n, wordHashes.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      wordHashes[i] = ShingleHashing.word(ws.get(i));
    }
    int len = ShingleHashing.shingleLength(n, params.ngram());
    long[] a = perms.a;
    long[] b = perms.b;
    int k = a.length;
    long[] sig = new long[k];
    Arrays.fill(sig, Long.MAX_VALUE);
    for (int s = 0; s < shingles; s++) {
      long h = ShingleHashing.shingle(wordHashes, s, len);
      for (int i = 0; i < k; i++) {
        long v = Permutations.mix(a[i], b[i], h);
        if (v < sig[i]) {
          sig[i] = v;
        }
      }
    }
    return sig;
  }

  /**
   * The fraction of positions where two signatures agree: an unbiased estimate of the Jaccard
   * similarity of the two shingle sets. Empty signatures agree with nothing.
   */
  public static double estimatedJaccard(long[] x, long[] y) {
    if (x.length == 0 || x.length != y.length) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == y[i]) {
        same++;
      }
    }
    return (double) same / x.length;
  }
}
