package org.winnow.dedup.minhash;

import java.util.List;
import org.winnow.core.text.TextNormalizer;
import org.winnow.core.text.WordSegmenter;

/**
 * The words that MinHash compares: core's matching normalisation (NFKC, case, punctuation,
 * whitespace), then UAX#29 word segmentation, so shingles work for scripts without spaces too.
 * Not thread-safe (it owns a segmenter).
 */
public final class MatchingWords {
  private final WordSegmenter segmenter = new WordSegmenter();

  public List<String> of(String text) {
    return segmenter.words(TextNormalizer.forMatching(text));
  }
}
