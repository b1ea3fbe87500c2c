package org.winnow.filter.signals;

/**
 * Character classes the line and sentence signals share. The published filters use ASCII sets
 * ({@code . ! ? " '}); the extra members make the same signals work for scripts whose full
 * stops and quotes are other characters, so that clean Chinese, Hindi or Arabic text is not
 * counted as "lines without punctuation". For ASCII text the sets give the published values.
 */
public final class Punctuation {
  private Punctuation() {}

  /**
   * A character that ends a sentence: ASCII {@code . ! ?}, the ideographic and full-width full
   * stops and marks, Arabic and Urdu question mark and full stop, Devanagari danda and double
   * danda, Armenian, Ethiopic, Myanmar, Khmer and Tibetan full stops, and {@code ‼ ⁇ ⁈ ⁉}.
   */
  public static boolean isSentenceFinal(int cp) {
    if (cp < 0x055C) {
      return cp == '.' || cp == '!' || cp == '?';
    }
    return switch (cp) {
      case 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0xFF61, // 。！？．｡
          0x061F, 0x06D4, // ؟ ۔
          0x0964, 0x0965, // । ॥
          0x0589, 0x055C, 0x055E, // ։ ՜ ՞
          0x1362, 0x1367, 0x1368, // ። ፧ ፨
          0x104A, 0x104B, // ၊ ။
          0x17D4, 0x17D5, // ។ ៕
          0x0F0D, 0x0F0E, // ། ༎
          0x203C, 0x2047, 0x2048, 0x2049 -> true;
      default -> false;
    };
  }

  /**
   * A sentence-final character after which no space is written: the CJK and full-width forms,
   * and the scripts that run sentences together.
   */
  public static boolean endsSentenceWithoutSpace(int cp) {
    if (cp < 0x0F0D) {
      return false;
    }
    return switch (cp) {
      case 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0xFF61, 0x0F0D, 0x0F0E, 0x17D4, 0x17D5 -> true;
      default -> false;
    };
  }

  /**
   * A closing quote or bracket that may follow sentence-final punctuation ("... end.'"). ASCII
   * quotes count, as they do in the published line-ending sets.
   */
  public static boolean isCloser(int cp) {
    if (cp < 128) {
      return cp == '"' || cp == '\'' || cp == ')' || cp == ']';
    }
    return switch (cp) {
      case '"', '\'', ')', ']', 0x201D, 0x2019, 0x00BB, 0x00AB, 0x300D, 0x300F, 0xFF09,
          0x300B, 0x3011 -> true; // ” ’ » « 」 』 ） 》 】
      default -> false;
    };
  }

  /**
   * A character that lets a line count as ending in punctuation: sentence-final punctuation or
   * a quote. C4's set is {@code . ? ! " '}, FineWeb's first release {@code . ' " ! ?}; the
   * other scripts' full stops and typographic closing quotes extend both.
   */
  public static boolean isLineFinal(int cp) {
    return isSentenceFinal(cp) || switch (cp) {
      case '"', '\'', 0x201D, 0x2019, 0x00BB, 0x00AB, 0x300D, 0x300F -> true;
      default -> false;
    };
  }

  /**
   * Python's {@code str.isspace()}: Java's whitespace, plus the no-break spaces (which Java
   * leaves out) and U+0085.
   */
  public static boolean isSpace(int cp) {
    if (cp < 128) {
      return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    }
    if (cp < 0x1680) {
      return cp == 0x85 || cp == 0xA0;
    }
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  /**
   * A line break as Python's {@code str.splitlines()} knows it ({@code \r\n} is one break).
   */
  public static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D
        || c == 0x1E || c == 0x85 || c == 0x2028 || c == 0x2029;
  }
}
