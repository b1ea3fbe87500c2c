package org.winnow.core.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Words by Unicode's UAX#29 word-boundary rules (Lucene's {@link StandardTokenizer}), so that
 * word counts hold for every script: Latin, Cyrillic, Arabic, and CJK (one token per ideograph).
 * Case and form are kept as written. Not thread-safe; use one per thread.
 */
public final class WordSegmenter {
  /** Tokens longer than this are split, as Lucene does; a 1 MB "word" never blows up memory. */
  public static final int MAX_WORD_LENGTH = 255;

  private final StandardTokenizer tokenizer = new StandardTokenizer();
  private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);

  public WordSegmenter() {
    tokenizer.setMaxTokenLength(MAX_WORD_LENGTH);
  }

  /** Calls {@code sink} with each word of {@code text}, in order. */
  public void forEachWord(String text, Consumer<String> sink) {
    try {
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        sink.accept(term.toString());
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
  }

  /** The words of {@code text}, in order. */
  public List<String> words(String text) {
    List<String> out = new ArrayList<>();
    forEachWord(text, out::add);
    return out;
  }

  /** How many words {@code text} has. */
  public int count(String text) {
    int[] n = {0};
    forEachWord(text, w -> n[0]++);
    return n[0];
  }
}
