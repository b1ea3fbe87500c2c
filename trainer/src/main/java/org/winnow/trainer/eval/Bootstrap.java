package org.winnow.trainer.eval;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap over documents: resample documents with replacement, recompute the
 * ratio (total nats over total tokens, or over total bytes), take the 2.5th and 97.5th
 * percentiles. Documents, not tokens, are the unit, because tokens of a document are not
 * independent.
 */
public final class Bootstrap {
  static final int RESAMPLES = 1000;

  private Bootstrap() {}

  public static LossEstimate estimate(String name, List<DocumentLoss> docs, long seed) {
    int n = docs.size();
    double nats = 0;
    long tokens = 0;
    long bytes = 0;
    for (DocumentLoss d : docs) {
      nats += d.nats();
      tokens += d.tokens();
      bytes += d.nBytes();
    }
    double perToken = tokens == 0 ? Double.NaN : nats / tokens;
    double bpb = bytes == 0 ? Double.NaN : nats / Math.log(2) / bytes;
    if (n == 0) {
      return new LossEstimate(name, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN);
    }
    double[] a = new double[RESAMPLES];
    double[] b = new double[RESAMPLES];
    SplittableRandom r = new SplittableRandom(seed);
    for (int s = 0; s < RESAMPLES; s++) {
      double sn = 0;
      long st = 0;
      long sb = 0;
      for (int i = 0; i < n; i++) {
        DocumentLoss d = docs.get(r.nextInt(n));
        sn += d.nats();
        st += d.tokens();
        sb += d.nBytes();
      }
      a[s] = sn / Math.max(1, st);
      b[s] = sn / Math.log(2) / Math.max(1, sb);
    }
    Arrays.sort(a);
    Arrays.sort(b);
    return new LossEstimate(name, n, tokens, bytes, perToken, a[lowIndex()], a[highIndex()], bpb,
        b[lowIndex()], b[highIndex()]);
  }

  /** Where the 2.5th percentile is among {@link #RESAMPLES} sorted resampled values. */
  static int lowIndex() {
    return (int) Math.floor(0.025 * (RESAMPLES - 1));
  }

  /** Where the 97.5th percentile is among {@link #RESAMPLES} sorted resampled values. */
  static int highIndex() {
    return (int) Math.ceil(0.975 * (RESAMPLES - 1));
  }
}
