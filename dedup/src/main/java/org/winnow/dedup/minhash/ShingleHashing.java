package org.winnow.dedup.minhash;

import net.openhft.hashing.LongHashFunction;

/**
 * How a shingle becomes a 64-bit value: each word is hashed once (xxHash3 of its chars), and a
 * shingle's hash is xxHash3 over its words' hashes in order. The value depends only on the words,
 * so an implementation may compute it from cached word hashes or from the words themselves.
 */
final class ShingleHashing {
  static final LongHashFunction XX3 = LongHashFunction.xx3();

  private ShingleHashing() {}

  static long word(String w) {
    return XX3.hashChars(w);
  }

  static long shingle(long[] wordHashes, int from, int length) {
    return XX3.hashLongs(wordHashes, from, length);
  }

  /**
   * Shingles of a text of {@code words} words: every window of {@code ngram} words, or the whole
   * text as one shingle when it is shorter (a three-word page still has a signature).
   */
  static int shingleCount(int words, int ngram) {
    return words == 0 ? 0 : Math.max(1, words - ngram + 1);
  }

  static int shingleLength(int words, int ngram) {
    return Math.min(words, ngram);
  }
}
