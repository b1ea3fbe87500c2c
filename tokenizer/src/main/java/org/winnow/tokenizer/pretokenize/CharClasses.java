package org.winnow.tokenizer.pretokenize;

/**
 * The character classes the pre-tokenisation patterns are built from, with the meaning
 * {@code java.util.regex} gives them under {@code UNICODE_CHARACTER_CLASS} (the flag jtokkit
 * compiles the reference patterns with), so a scanner and the regex agree on every code point of
 * the running JVM's Unicode version.
 *
 * <p>The classes of the Basic Multilingual Plane are precomputed in one 64 KB table because the
 * scanners ask for a class on every character; supplementary code points are computed on demand.
 */
final class CharClasses {

  /** {@code \s}: space, line and paragraph separators, U+0009..U+000D and U+0085. */
  static final int WHITESPACE = 1;
  /** {@code \p{L}}. */
  static final int LETTER = 2;
  /** {@code \p{N}}. */
  static final int NUMBER = 4;
  /** {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]}, the upper-case side of o200k's word alternatives. */
  static final int UPPER_SIDE = 8;
  /** {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]}, the lower-case side of o200k's word alternatives. */
  static final int LOWER_SIDE = 16;
  /** {@code [\r\n]}. */
  static final int NEWLINE = 32;

  /** Everything {@code [^\s\p{L}\p{N}]} excludes. */
  static final int SPACE_LETTER_NUMBER = WHITESPACE | LETTER | NUMBER;
  /** Everything {@code [^\r\n\p{L}\p{N}]} excludes. */
  static final int NEWLINE_LETTER_NUMBER = NEWLINE | LETTER | NUMBER;

  private static final byte[] BMP = bmpTable();

  private CharClasses() {}

  /** The class bits of a code point. */
  static int of(int codePoint) {
    return codePoint < 0x10000 ? BMP[codePoint] : compute(codePoint);
  }

  /** The code point whose UTF-8 sequence starts at {@code i} of valid UTF-8. */
  static int codePointAt(byte[] b, int i) {
    int lead = b[i];
    if (lead >= 0) {
      return lead;
    }
    if (lead < (byte) 0xE0) {
      return ((lead & 0x1F) << 6) | (b[i + 1] & 0x3F);
    }
    if (lead < (byte) 0xF0) {
      return ((lead & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
    }
    return ((lead & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6)
        | (b[i + 3] & 0x3F);
  }

  /** The number of UTF-8 bytes of {@code codePoint}. */
  static int width(int codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }

  /** The start of the code point that ends at {@code i} in valid UTF-8 (skipping 10xxxxxx). */
  static int previousStart(byte[] b, int i) {
    int j = i - 1;
    while ((b[j] & 0xC0) == 0x80) {
      j--;
    }
    return j;
  }

  /** Whether {@code b[from, to)} of valid UTF-8 holds exactly one code point. */
  static boolean isOneCodePoint(byte[] b, int from, int to) {
    return to - from == width(codePointAt(b, from));
  }

  /** The end of the run of code points from {@code i} whose class has a bit of {@code mask}. */
  static int runOf(byte[] b, int i, int limit, int mask) {
    while (i < limit) {
      int c = b[i];
      if (c >= 0) {
        if ((BMP[c] & mask) == 0) {
          return i;
        }
        i++;
      } else {
        int cp = codePointAt(b, i);
        if ((of(cp) & mask) == 0) {
          return i;
        }
        i += width(cp);
      }
    }
    return i;
  }

  /** The end of the run of code points from {@code i} whose class has no bit of {@code mask}. */
  static int runOfNone(byte[] b, int i, int limit, int mask) {
    while (i < limit) {
      int c = b[i];
      if (c >= 0) {
        if ((BMP[c] & mask) != 0) {
          return i;
        }
        i++;
      } else {
        int cp = codePointAt(b, i);
        if ((of(cp) & mask) != 0) {
          return i;
        }
        i += width(cp);
      }
    }
    return i;
  }

  private static byte[] bmpTable() {
    byte[] table = new byte[0x10000];
    for (int c = 0; c < table.length; c++) {
      table[c] = (byte) compute(c);
    }
    return table;
  }

  private static int compute(int cp) {
    int bits = 0;
    int type = Character.getType(cp);
    switch (type) {
      case Character.UPPERCASE_LETTER:
      case Character.TITLECASE_LETTER:
        bits |= LETTER | UPPER_SIDE;
        break;
      case Character.LOWERCASE_LETTER:
        bits |= LETTER | LOWER_SIDE;
        break;
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
        bits |= LETTER | UPPER_SIDE | LOWER_SIDE;
        break;
      case Character.NON_SPACING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.ENCLOSING_MARK:
        bits |= UPPER_SIDE | LOWER_SIDE;
        break;
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        bits |= NUMBER;
        break;
      case Character.SPACE_SEPARATOR:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        bits |= WHITESPACE;
        break;
      default:
        break;
    }
    if ((cp >= 0x9 && cp <= 0xd) || cp == 0x85) {
      bits |= WHITESPACE;
    }
    if (cp == '\r' || cp == '\n') {
      bits |= NEWLINE;
    }
    return bits;
  }
}
