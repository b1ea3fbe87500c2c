package org.winnow.ingest.http;

/**
 * How well bytes read as UTF-8: the multi-byte sequences that are valid, and the bytes that start
 * no valid sequence. Valid UTF-8 with multi-byte sequences is very unlikely to be meant as any
 * other charset, which is what makes these two numbers a charset test.
 *
 * @param validMultibyte well-formed sequences of two to four bytes
 * @param invalid        bytes skipped as not starting a well-formed sequence (overlong forms,
 *                       surrogates and code points above U+10FFFF included)
 */
public record Utf8Scan(int validMultibyte, int invalid) {

  public static Utf8Scan of(byte[] b, int from, int to) {
    int valid = 0;
    int invalid = 0;
    int i = from;
    while (i < to) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int len = sequenceLength(b, i, to);
      if (len > 0) {
        valid++;
        i += len;
      } else {
        invalid++;
        i++;
      }
    }
    return new Utf8Scan(valid, invalid);
  }

  public boolean valid() {
    return invalid == 0;
  }

  /** The length of the well-formed sequence at {@code i} (RFC 3629, table 3-7), or 0. */
  private static int sequenceLength(byte[] b, int i, int to) {
    int c = b[i] & 0xff;
    if (c >= 0xc2 && c <= 0xdf) {
      return i + 1 < to && cont(b[i + 1]) ? 2 : 0;
    }
    if (c >= 0xe0 && c <= 0xef) {
      if (i + 2 >= to) {
        return 0;
      }
      int c1 = b[i + 1] & 0xff;
      boolean ok1 = c == 0xe0 ? c1 >= 0xa0 && c1 <= 0xbf
          : c == 0xed ? c1 >= 0x80 && c1 <= 0x9f
          : c1 >= 0x80 && c1 <= 0xbf;
      return ok1 && cont(b[i + 2]) ? 3 : 0;
    }
    if (c >= 0xf0 && c <= 0xf4) {
      if (i + 3 >= to) {
        return 0;
      }
      int c1 = b[i + 1] & 0xff;
      boolean ok1 = c == 0xf0 ? c1 >= 0x90 && c1 <= 0xbf
          : c == 0xf4 ? c1 >= 0x80 && c1 <= 0x8f
          : c1 >= 0x80 && c1 <= 0xbf;
      return ok1 && cont(b[i + 2]) && cont(b[i + 3]) ? 4 : 0;
    }
    return 0;
  }

  private static boolean cont(byte x) {
    return (x & 0xc0) == 0x80;
  }
}
