package org.winnow.tokenizer.bpe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * UTF-8 as the tokenizer sees it. A lone surrogate, which a Java string may hold but UTF-8 cannot
 * encode, becomes {@code '?'} (0x3F): the bytes {@code String.getBytes(UTF_8)} gives, which is what
 * jtokkit encodes. Both characters fall in the same class of every published pattern, so the
 * substitution never moves a piece boundary.
 */
public final class Utf8 {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

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

  /**
   * Where the first byte sequence of {@code b[from, to)} that is not well-formed UTF-8 starts
   * (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut
   * off by {@code to}), or -1 if the whole range is well-formed. The offset is the one a strict
   * {@code CharsetDecoder} stops at.
   */
  public static int firstMalformed(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      // ASCII, the bulk of most text, eight bytes per test.
      while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
        i += 8;
      }
      if (i >= to) {
        break;
      }
      int lead = b[i] & 0xFF;
      if (lead < 0x80) {
        i++;
        continue;
      }
      int width;
      int secondLow = 0x80;
      int secondHigh = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        width = 2;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        width = 3;
        if (lead == 0xE0) {
          secondLow = 0xA0;
        } else if (lead == 0xED) {
          secondHigh = 0x9F;
        }
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        width = 4;
        if (lead == 0xF0) {
          secondLow = 0x90;
        } else if (lead == 0xF4) {
          secondHigh = 0x8F;
        }
      } else {
        return i;
      }
      if (i + width > to) {
        return i;
      }
      int second = b[i + 1] & 0xFF;
      if (second < secondLow || second > secondHigh) {
        return i;
      }
      for (int j = 2; j < width; j++) {
        if ((b[i + j] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += width;
    }
    return -1;
  }
}
