package org.winnow.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalisations shared by later stages, so that "the same text" means the same thing in dedup,
 * decontamination and filtering. Each method is a pure function of its input.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  /**
   * The key form for exact and fuzzy matching: Unicode NFKC, case folded, punctuation and
   * symbols turned into word breaks, zero-width and control characters removed, every run of
   * whitespace (including line breaks) one space, trimmed. Letters, marks and digits of every
   * script are kept.
   */
  public static String forMatching(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    // Lower-casing after NFKC: NFKC can produce upper-case letters (e.g. from ligatures).
    String folded = nfkc.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    boolean pendingSpace = false;
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (isInvisible(cp)) {
        // Zero-width and control characters inside a word are an obfuscation, not a boundary.
        continue;
      }
      if (isSeparator(cp)) {
        // Punctuation separates words the way a space would ("a-b" -> "a b").
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return (type == Character.FORMAT || type == Character.CONTROL)
        && !Character.isWhitespace(cp);
  }

  private static boolean isSeparator(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  /**
   * Whitespace tidied for storage: within each line, runs of horizontal whitespace become one
   * space and the line is trimmed; more than one blank line in a row becomes one blank line;
   * leading and trailing blank lines go. Line structure is otherwise kept, since line-level
   * signals and paragraph dedup depend on it.
   */
  public static String tidyWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int blankRun = 0;
    for (String rawLine : text.split("\r\n|\r|\n|\u2028|\u2029", -1)) {
      String line = collapseSpaces(rawLine);
      if (line.isEmpty()) {
        blankRun++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blankRun > 0 ? "\n\n" : "\n");
      }
      out.append(line);
      blankRun = 0;
    }
    return out.toString();
  }

  private static String collapseSpaces(String line) {
    StringBuilder out = new StringBuilder(line.length());
    boolean pendingSpace = false;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }
}
