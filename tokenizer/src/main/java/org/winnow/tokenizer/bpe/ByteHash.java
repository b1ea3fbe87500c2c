package org.winnow.tokenizer.bpe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 64-bit hash of a byte range read eight bytes at a time, and the packed form of its first
 * eight bytes that the tables compare before touching the rest.
 *
 * <p>Reads go up to seven bytes past the range's end and mask them off, so every array handed in
 * carries {@link #PADDING} spare bytes.
 */
final class ByteHash {

  /** Spare bytes every hashed array must have after its last hashed byte. */
  static final int PADDING = 8;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private ByteHash() {}

  /** The hash of {@code b[off, off + len)}. */
  static long hash(byte[] b, int off, int len) {
    long h = 0x9E3779B97F4A7C15L * (len + 1);
    int i = off;
    int end = off + len;
    while (end - i >= 8) {
      h = Long.rotateLeft(h ^ ((long) LONGS.get(b, i) * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
      i += 8;
    }
    if (i < end) {
      h = Long.rotateLeft(h ^ (tail(b, i, end - i) * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return h;
  }

  /** The first {@code min(len, 8)} bytes of {@code b[off..]}, little-endian, zero above. */
  static long head(byte[] b, int off, int len) {
    if (len <= 0) {
      return 0;
    }
    return len >= 8 ? (long) LONGS.get(b, off) : tail(b, off, len);
  }

  private static long tail(byte[] b, int off, int len) {
    long v = (long) LONGS.get(b, off);
    return v & (-1L >>> ((8 - len) << 3));
  }
}
