package org.winnow.dedup.decontam;

import java.io.IOException;
import java.io.UncheckedIOException;
import net.openhft.hashing.LongHashFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A text's word n-gram shingles: every window of {@code n} consecutive words
 * ({@link WordAnalyzer}), the windows Lucene's {@code ShingleFilter(n, n)} without unigrams
 * joins into shingles. Each window is given as a 64-bit hash of its words, folded from the
 * words' own hashes in order, without building the shingle's string. The hash depends on the
 * words alone ({@link #hashOf}), so a protected text and a training text give a shared shingle
 * the same one.
 *
 * <p>Not thread-safe: one instance per thread (the analyzer underneath may be shared).
 */
final class ShingleWindows {
  /** What receives each window's hash. */
  interface Sink {
    /** @return whether to go on to the next window */
    boolean window(long hash);
  }

  private static final LongHashFunction WORD_HASH = LongHashFunction.xx3();
  private static final long MIX = 0x9E3779B97F4A7C15L;

  private final Analyzer words;
  private final int n;
  /** The hashes of the last {@code n} words, a ring indexed by word number mod n. */
  private final long[] hashes;

  ShingleWindows(Analyzer words, int n) {
    if (n < 2) {
      throw new IllegalArgumentException("shingle size must be >= 2, got " + n);
    }
    this.words = words;
    this.n = n;
    this.hashes = new long[n];
  }

  /**
   * Calls {@code sink} once per window of {@code text}, in order, until it returns false; none
   * when under n words.
   */
  void forEach(String text, Sink sink) {
    long wordCount = 0;
    int slot = 0;
    try (TokenStream ts = words.tokenStream("shingles", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        hashes[slot] = WORD_HASH.hashChars(term.buffer(), 0, term.length());
        wordCount++;
        slot = slot + 1 == n ? 0 : slot + 1;
        // Once n words are in, the slot just advanced to holds the window's oldest word.
        if (wordCount >= n && !sink.window(windowHash(slot))) {
          break;
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("shingling failed", e);
    }
  }

  /** The window's hash: its words' hashes folded from {@code oldest} round the ring. */
  private long windowHash(int oldest) {
    long h = n;
    for (int i = oldest; i < n; i++) {
      h = h * MIX + hashes[i];
    }
    for (int i = 0; i < oldest; i++) {
      h = h * MIX + hashes[i];
    }
    return h;
  }

  /** The hash {@link #forEach} gives the window of these words, in order. */
  static long hashOf(String... shingleWords) {
    long h = shingleWords.length;
    for (String w : shingleWords) {
      h = h * MIX + WORD_HASH.hashChars(w);
    }
    return h;
  }
}
