package org.winnow.ingest.warc;

import java.io.ByteArrayOutputStream;

/**
 * A brotli stream of uncompressed meta-blocks (RFC 7932, section 9.2): valid brotli that any
 * decoder must read, written without a brotli encoder.
 */
final class BrotliStored {
  private static final int MAX_BLOCK = 1 << 16;

  private BrotliStored() {}

  static byte[] encode(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Bits bits = new Bits(out);
    bits.write(0, 1); // WBITS = 16
    for (int off = 0; off < data.length; off += MAX_BLOCK) {
      int len = Math.min(MAX_BLOCK, data.length - off);
      bits.write(0, 1); // ISLAST = 0
      bits.write(0, 2); // MNIBBLES = 4
      bits.write(len - 1, 16); // MLEN - 1
      bits.write(1, 1); // ISUNCOMPRESSED
      bits.align();
      out.write(data, off, len);
    }
    bits.write(1, 1); // ISLAST
    bits.write(1, 1); // ISLASTEMPTY
    bits.align();
    return out.toByteArray();
  }

  /** Writes bits least significant first, as brotli reads them. */
  private static final class Bits {
    private final ByteArrayOutputStream out;
    private int acc;
    private int count;

    Bits(ByteArrayOutputStream out) {
      this.out = out;
    }

    void write(int value, int n) {
      for (int i = 0; i < n; i++) {
        acc |= ((value >>> i) & 1) << count;
        if (++count == 8) {
          out.write(acc);
          acc = 0;
          count = 0;
        }
      }
    }

    void align() {
      if (count > 0) {
        out.write(acc);
        acc = 0;
        count = 0;
      }
    }
  }
}
