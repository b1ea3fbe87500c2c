package org.winnow.filter.classify;

import java.util.function.IntConsumer;
import org.winnow.filter.signals.TextHash;

/**
 * Maps a document's word hashes to feature buckets: every word (unigram) and every pair of
 * adjacent words (bigram), each hashed into one of {@code 2^bits} buckets, as fastText does with
 * {@code -wordNgrams 2 -bucket}. Part of the model file format:
 * <ul>
 *   <li>unigram key of word i: its fold hash {@code w[i]}
 *   <li>bigram key of words i, i+1: {@code fmix64(w[i] * 0x9E3779B97F4A7C15 + w[i+1])}
 *   <li>bucket of a key: its top {@code bits} bits, {@code key >>> (64 - bits)}
 * </ul>
 */
public final class HashedNgramFeatures {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private HashedNgramFeatures() {}

  /** How many features {@code words} words give. */
  public static int count(int words) {
    return words == 0 ? 0 : 2 * words - 1;
  }

  /** Calls {@code sink} with each feature's bucket: unigrams in order, then bigrams. */
  public static void forEach(long[] wordHashes, int words, int bits, IntConsumer sink) {
    int shift = 64 - bits;
    for (int i = 0; i < words; i++) {
      sink.accept((int) (wordHashes[i] >>> shift));
    }
    for (int i = 0; i + 1 < words; i++) {
      sink.accept((int) (bigram(wordHashes[i], wordHashes[i + 1]) >>> shift));
    }
  }

  static long bigram(long first, long second) {
    return TextHash.fmix64(first * GOLDEN + second);
  }

  static int bucket(long key, int bits) {
    return (int) (key >>> (64 - bits));
  }
}
