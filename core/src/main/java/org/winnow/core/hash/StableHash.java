package org.winnow.core.hash;

import java.nio.charset.StandardCharsets;
import net.openhft.hashing.LongHashFunction;
import net.openhft.hashing.LongTupleHashFunction;

/**
 * Hashes whose values never change between runs, JVMs or machines (xxHash3, seed 0), so that
 * ids, splits and dedup keys computed today match those computed on another cluster tomorrow.
 */
public final class StableHash {
  private static final LongTupleHashFunction XX128 = LongTupleHashFunction.xx128();
  private static final LongHashFunction XX64 = LongHashFunction.xx3();

  private StableHash() {}

  /** 64-bit xxHash3 of the string's UTF-8 bytes. */
  public static long hash64(String s) {
    return XX64.hashBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** 64-bit xxHash3 of the bytes. */
  public static long hash64(byte[] bytes) {
    return XX64.hashBytes(bytes);
  }

  /** 64-bit xxHash3 of {@code bytes[offset, offset + length)}; equals {@link #hash64(byte[])} of that range. */
  public static long hash64(byte[] bytes, int offset, int length) {
    return XX64.hashBytes(bytes, offset, length);
  }

  /** 128-bit xxHash3 of the string's UTF-8 bytes, as two longs (high, low). */
  public static long[] hash128(String s) {
    return XX128.hashBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** 128-bit xxHash3 of the string's UTF-8 bytes as 32 lower-case hex digits. */
  public static String hex128(String s) {
    long[] h = hash128(s);
    return String.format("%016x%016x", h[0], h[1]);
  }
}
