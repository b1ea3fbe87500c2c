package org.winnow.bench.loader;

import java.util.Arrays;

/**
 * How well an order hides where documents sit in the shards, measured on the order itself: the
 * correlation between a document's stream position and its canonical position, the entropy of
 * the differences between consecutive canonical positions relative to a uniform permutation's
 * (1 = indistinguishable from a full shuffle), and the distinct shards in each run of 1,024
 * consecutive documents.
 */
final class ShuffleQuality {
  private static final int BINS = 1 << 16;

  record Figures(double correlation, double differenceEntropy, double shardsPer1024) {}

  private ShuffleQuality() {}

  /** {@code order[i]} is the canonical index of stream position {@code i}. */
  static Figures of(long[] order, int[] shardOfCanonical) {
    int n = order.length;
    double mean = (n - 1) / 2.0;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (i - mean) * (order[i] - mean);
      sxx += (i - mean) * (i - mean);
    }
    long[] hist = new long[BINS];
    for (int i = 1; i < n; i++) {
      long d = order[i] - order[i - 1] + n;
      hist[(int) Math.min(BINS - 1, d * BINS / (2L * n + 1))]++;
    }
    double h = 0;
    for (long c : hist) {
      if (c > 0) {
        double p = c / (double) (n - 1);
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    double windows = 0;
    int counted = 0;
    boolean[] seen = new boolean[Arrays.stream(shardOfCanonical).max().orElse(0) + 1];
    for (int start = 0; start + 1024 <= n; start += 1024) {
      Arrays.fill(seen, false);
      int distinct = 0;
      for (int i = start; i < start + 1024; i++) {
        int s = shardOfCanonical[(int) order[i]];
        if (!seen[s]) {
          seen[s] = true;
          distinct++;
        }
      }
      windows += distinct;
      counted++;
    }
    return new Figures(sxy / sxx, h, counted == 0 ? 0 : windows / counted);
  }
}
