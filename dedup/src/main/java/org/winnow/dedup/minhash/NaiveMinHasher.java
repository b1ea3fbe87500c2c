package org.winnow.dedup.minhash;

import java.util.List;

/**
 * The plain MinHash: for each of the {@code bands x rows} seeds, hash every shingle again from
 * its words and keep the minimum. It computes exactly what {@link MinHasher} computes and is the
 * reference that the optimised one is dueled and benchmarked against.
 */
public final class NaiveMinHasher {
  private final MinHashParams params;
  private final Permutations perms;
  private final MatchingWords words = new MatchingWords();

  public NaiveMinHasher(MinHashParams params) {
    this.params = params;
    this.perms = new Permutations(params.hashes(), params.seed());
  }

  public long[] signature(String text) {
    return signatureOfWords(words.of(text));
  }

  public long[] signatureOfWords(List<String> ws) {
    int n = ws.size();
    int shingles = ShingleHashing.shingleCount(n, params.ngram());
    if (shingles == 0) {
      return new long[0];
    }
    int len = ShingleHashing.shingleLength(n, params.ngram());
    long[] sig = new long[params.hashes()];
    for (int i = 0; i < sig.length; i++) {
      long min = Long.MAX_VALUE;
      for (int s = 0; s < shingles; s++) {
        long[] shingleWords = new long[len];
        for (int w = 0; w < len; w++) {
          shingleWords[w] = ShingleHashing.word(ws.get(s + w));
        }
        long v = perms.apply(i, ShingleHashing.shingle(shingleWords, 0, len));
        min = Math.min(min, v);
      }
      sig[i] = min;
    }
    return sig;
  }
}
