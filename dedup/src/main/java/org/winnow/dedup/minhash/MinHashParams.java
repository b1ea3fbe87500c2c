package org.winnow.dedup.minhash;

import java.io.Serializable;

/**
 * The settings of MinHash-LSH. Defaults are FineWeb's: word 5-grams, 14 bands of 8 rows (112
 * hashes), which makes documents with a Jaccard similarity of about 0.72 candidates half of the
 * time (see {@link org.winnow.dedup.lsh.SCurve}).
 *
 * @param ngram words per shingle, at least 1
 * @param bands LSH bands, at least 1
 * @param rows  hashes per band, at least 1
 * @param seed  seed of the hash permutations; signatures are comparable only under equal seeds
 */
public record MinHashParams(int ngram, int bands, int rows, long seed) implements Serializable {
  public static final int DEFAULT_NGRAM = 5;
  public static final int DEFAULT_BANDS = 14;
  public static final int DEFAULT_ROWS = 8;
  public static final long DEFAULT_SEED = 1L;

  public MinHashParams {
    if (ngram < 1) {
      throw new IllegalArgumentException("ngram must be >= 1, got " + ngram);
    }
    if (bands < 1) {
      throw new IllegalArgumentException("bands must be >= 1, got " + bands);
    }
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be >= 1, got " + rows);
    }
    if ((long) bands * rows > 4096) {
      throw new IllegalArgumentException(
          "bands x rows must be <= 4096, got " + bands + " x " + rows);
    }
  }

  public static MinHashParams defaults() {
    return new MinHashParams(DEFAULT_NGRAM, DEFAULT_BANDS, DEFAULT_ROWS, DEFAULT_SEED);
  }

  /** Length of a signature: bands x rows. */
  public int hashes() {
    return bands * rows;
  }
}
