package org.winnow.tokenizer.pretokenize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pre-tokenizer for a pattern that has no hand-written scanner, and the reference the scanners
 * are duel-tested against. Text between two matches becomes a piece of its own (Hugging Face's
 * {@code Split} with behaviour {@code Isolated}), so no byte is ever dropped; the published
 * patterns match everywhere and never leave such gaps.
 */
final class RegexPreTokenizer implements PreTokenizer {

  private final String pattern;
  private final Pattern compiled;
  private final ThreadLocal<Matcher> matchers;

  RegexPreTokenizer(String pattern) {
    this.pattern = pattern;
    this.compiled = Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
    this.matchers = ThreadLocal.withInitial(() -> compiled.matcher(""));
  }

  @Override
  public int pieceEnd(String text, int start, int limit) {
    Matcher m = matchers.get();
    m.reset(text);
    m.useTransparentBounds(true).useAnchoringBounds(false).region(start, limit);
    if (!m.find()) {
      return limit;
    }
    if (m.start() > start) {
      return m.start();
    }
    if (m.end() > start) {
      return m.end();
    }
    // An empty match would not advance: take one code point as a piece.
    return start + Character.charCount(CharClasses.codePointAt(text, start, limit));
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
