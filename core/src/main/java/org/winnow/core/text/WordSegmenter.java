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
      tokenizer.setReader(new StringReader(withoutLoneSurrogates(text)));
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

  /**
   * Lucene's tokenizer stops at an unpaired surrogate at the end of its input and drops the
   * words before it; U+FFFD in its place keeps them. Returns {@code text} itself when it is
   * well formed, which is nearly always.
   */
  static String withoutLoneSurrogates(String text) {
    StringBuilder fixed = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
              : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
      if (!paired) {
        if (fixed == null) {
          fixed = new StringBuilder(text);
        }
        fixed.setCharAt(i, '\uFFFD');
      }
    }
    return fixed == null ? text : fixed.toString();
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
