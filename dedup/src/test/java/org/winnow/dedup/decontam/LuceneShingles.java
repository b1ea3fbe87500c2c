package org.winnow.dedup.decontam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.winnow.core.text.WordSegmenter;

/**
 * The plain definition of a text's shingles that {@link ShingleWindows} must reproduce: the same
 * words, then Lucene's {@link ShingleFilter} emitting only n-grams of exactly {@code n} words.
 */
final class LuceneShingles {
  private LuceneShingles() {}

  static List<String> of(String text, int n) {
    Analyzer analyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer words = new StandardTokenizer();
        words.setMaxTokenLength(WordSegmenter.MAX_WORD_LENGTH);
        ShingleFilter shingles = new ShingleFilter(new LowerCaseFilter(words), n, n);
        shingles.setOutputUnigrams(false);
        shingles.setOutputUnigramsIfNoShingles(false);
        return new TokenStreamComponents(words, shingles);
      }
    };
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("ngram", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      analyzer.close();
    }
    return out;
  }
}
