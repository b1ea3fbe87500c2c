package org.winnow.filter.classify;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.winnow.core.text.WordSegmenter;
import org.winnow.filter.signals.TextHash;

/**
 * The classifier's view of a text: the {@link TextHash#foldHash} of each UAX#29 word (core's
 * {@link WordSegmenter} words), in order. The filter pipeline gets the same values from its
 * {@code TextProfile} without segmenting twice. Not thread-safe: one per thread.
 */
public final class WordHasher {
  private final StandardTokenizer tokenizer = new StandardTokenizer();
  private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
  private long[] hashes = new long[256];
  private int count;

  public WordHasher() {
    tokenizer.setMaxTokenLength(WordSegmenter.MAX_WORD_LENGTH);
  }

  /** Hashes the words of {@code text}; read them with {@link #hashes()} and {@link #count()}. */
  public WordHasher hash(String text) {
    count = 0;
    try {
      // Lucene returns no words for input ending in an unpaired high surrogate; drop that char.
      int n = text.length();
      boolean dangling = n > 0 && Character.isHighSurrogate(text.charAt(n - 1));
      tokenizer.setReader(new StringReader(dangling ? text.substring(0, n - 1) : text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        if (count == hashes.length) {
          hashes = Arrays.copyOf(hashes, count * 2);
        }
        hashes[count++] = TextHash.foldHash(term.buffer(), term.length());
      }
      tokenizer.end();
    } catch (IOException e) {
      // A StringReader does not fail; anything here is a bug in the analysis chain.
      throw new UncheckedIOException("word segmentation failed", e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  /** The word hashes of the last text; valid until the next {@link #hash} call. */
  public long[] hashes() {
    return hashes;
  }

  public int count() {
    return count;
  }
}
