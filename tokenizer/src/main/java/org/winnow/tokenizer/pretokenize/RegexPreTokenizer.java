package org.winnow.tokenizer.pretokenize;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pre-tokenizer for a pattern that has no hand-written scanner, and the reference the scanners
 * are duel-tested against. The text is decoded into a string once per call and matched there.
 * Text between two matches becomes a piece of its own (Hugging Face's {@code Split} with behaviour
 * {@code Isolated}), so no byte is ever dropped; the published patterns match everywhere and never
 * leave such gaps.
 */
final class RegexPreTokenizer implements PreTokenizer {

  private final String pattern;
  private final Pattern compiled;

  RegexPreTokenizer(String pattern) {
    this.pattern = pattern;
    this.compiled = Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
  }

  @Override
  public void split(byte[] utf8, int from, int to, PieceSink sink) {
    String text = new String(utf8, from, to - from, StandardCharsets.UTF_8);
    Matcher m = compiled.matcher(text);
    // Piece ends arrive in order, so char positions map to byte offsets in one walk.
    int chars = 0;
    int bytes = from;
    int p = 0;
    while (p < text.length()) {
      int end = pieceEnd(m, text, p);
      int at = bytes;
      while (chars < end) {
        int cp = text.codePointAt(chars);
        chars += Character.charCount(cp);
        bytes += CharClasses.width(cp);
      }
      // A match may start between the halves of a surrogate pair; the pair stays whole.
      sink.piece(utf8, at, bytes);
      p = chars;
    }
  }

  private static int pieceEnd(Matcher m, String text, int start) {
    if (!m.find(start)) {
      return text.length();
    }
    if (m.start() > start) {
      return m.start();
    }
    if (m.end() > start) {
      return m.end();
    }
    // An empty match would not advance: take one code point as a piece.
    return start + Character.charCount(text.codePointAt(start));
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
