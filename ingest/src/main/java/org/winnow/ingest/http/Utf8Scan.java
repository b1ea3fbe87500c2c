package org.winnow.ingest.http;

import org.winnow.core.text.WellFormedUtf8;

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
      int len = WellFormedUtf8.sequenceLength(b, i, to);
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
}
