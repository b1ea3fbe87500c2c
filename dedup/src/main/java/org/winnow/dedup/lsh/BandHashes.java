package org.winnow.dedup.lsh;

import net.openhft.hashing.LongHashFunction;
import org.winnow.dedup.minhash.MinHashParams;

/**
 * LSH banding: a signature cut into {@code bands} runs of {@code rows} values, each run hashed to
 * one 64-bit bucket key. Two documents become candidates when any band's keys are equal.
 */
public final class BandHashes {
  private static final LongHashFunction XX3 = LongHashFunction.xx3();

  private BandHashes() {}

  /** One key per band; the band index is part of the key, so bands never collide with each other. */
  public static long[] of(long[] signature, MinHashParams params) {
    if (signature.length != params.hashes()) {
      throw new IllegalArgumentException("signature has " + signature.length
          + " values, parameters need " + params.hashes());
    }
    long[] keys = new long[params.bands()];
    long[] buf = new long[params.rows() + 1];
    for (int band = 0; band < keys.length; band++) {
      buf[0] = band;
      System.arraycopy(signature, band * params.rows(), buf, 1, params.rows());
      keys[band] = XX3.hashLongs(buf);
    }
    return keys;
  }
}
