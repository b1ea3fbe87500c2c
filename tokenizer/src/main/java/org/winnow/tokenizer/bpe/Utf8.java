package org.winnow.tokenizer.bpe;

/**
 * UTF-8 encoding of a range of a Java string as the tokenizer sees it. A lone surrogate, which a
 * Java string may hold but UTF-8 cannot encode, becomes {@code '?'} (0x3F): the bytes
 * {@code String.getBytes(UTF_8)} gives, which is what jtokkit encodes. Both characters fall in the
 * same class of every published pattern, so the substitution never moves a piece boundary.
 */
public final class Utf8 {

  private Utf8() {}

  /** The most bytes {@code chars} UTF-16 units can take. */
  public static int maxBytes(int chars) {
    return chars * 3;
  }

  /**
   * Writes the UTF-8 of {@code s[from, to)} to {@code out} at 0.
   *
   * @return the number of bytes written; {@code out} must hold {@link #maxBytes} of the range
   */
  public static int encode(String s, int from, int to, byte[] out) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (c < 0x800) {
        out[n++] = (byte) (0xC0 | (c >> 6));
        out[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        out[n++] = (byte) (0xE0 | (c >> 12));
        out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out[n++] = (byte) (0xF0 | (cp >> 18));
        out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[n++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        out[n++] = '?';
      }
    }
    return n;
  }
}
