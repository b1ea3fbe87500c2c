package org.winnow.core.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Well-formed UTF-8 as Unicode's table 3-7 defines it: no overlong forms, no surrogates, nothing
 * above U+10FFFF, no sequence cut off by the end of the range. The one definition that charset
 * detection and the tokenizer's check of stored text share.
 */
public final class WellFormedUtf8 {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private WellFormedUtf8() {}

  /**
   * The length of the well-formed sequence that starts at {@code b[i]} and ends before
   * {@code to}: 1 for ASCII, 2 to 4 for a multi-byte sequence, 0 if none starts there.
   */
  public static int sequenceLength(byte[] b, int i, int to) {
    int lead = b[i] & 0xFF;
    if (lead < 0x80) {
      return 1;
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
      return 0;
    }
    if (i + width > to) {
      return 0;
    }
    int second = b[i + 1] & 0xFF;
    if (second < secondLow || second > secondHigh) {
      return 0;
    }
    for (int j = 2; j < width; j++) {
      if ((b[i + j] & 0xC0) != 0x80) {
        return 0;
      }
    }
    return width;
  }

  /**
   * Where the first sequence of {@code b[from, to)} that is not well-formed starts, or -1 if the
   * whole range is well-formed: the offset a strict {@code CharsetDecoder} stops at.
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
      int length = sequenceLength(b, i, to);
      if (length == 0) {
        return i;
      }
      i += length;
    }
    return -1;
  }
}
