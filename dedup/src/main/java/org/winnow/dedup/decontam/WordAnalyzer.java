package org.winnow.dedup.decontam;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.winnow.core.text.WordSegmenter;

/**
 * The words that decontamination shingles are made of, through Lucene's analysis chain: UAX#29
 * words ({@link StandardTokenizer}, words longer than {@link WordSegmenter#MAX_WORD_LENGTH} cut
 * into pieces of that length), lower case. Protected and training texts go through the same
 * chain, so their shingles match term for term.
 */
final class WordAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer words = new StandardTokenizer();
    words.setMaxTokenLength(WordSegmenter.MAX_WORD_LENGTH);
    return new TokenStreamComponents(words, new LowerCaseFilter(words));
  }
}
