package org.winnow.dedup.decontam;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.winnow.core.text.WordSegmenter;

/**
 * Word n-gram shingles through Lucene's analysis chain: UAX#29 words (StandardTokenizer), lower
 * case, then {@link ShingleFilter} emitting only n-grams of exactly {@code n} words joined by a
 * space. Protected texts and training texts go through the same chain, so they match term for term.
 */
public final class ShingleAnalyzer extends Analyzer {
  /** 13-gram word shingles, the size GPT-3 and later decontamination reports use. */
  public static final int DEFAULT_N = 13;

  private final int n;

  public ShingleAnalyzer(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("shingle size must be >= 2, got " + n);
    }
    this.n = n;
  }

  public int n() {
    return n;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer words = new StandardTokenizer();
    words.setMaxTokenLength(WordSegmenter.MAX_WORD_LENGTH);
    TokenStream lower = new LowerCaseFilter(words);
    ShingleFilter shingles = new ShingleFilter(lower, n, n);
    shingles.setOutputUnigrams(false);
    shingles.setOutputUnigramsIfNoShingles(false);
    return new TokenStreamComponents(words, shingles);
  }
}
