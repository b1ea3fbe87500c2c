package org.winnow.trainer.optim;

/**
 * Clipping by global norm. The norm is summed in double over fixed blocks in index order, so it
 * does not depend on how many threads computed the gradient.
 */
public final class GradientClip {
  private GradientClip() {}

  public static double norm(float[] g) {
    double total = 0;
    for (int i = 0; i < g.length; i += 4096) {
      int end = Math.min(g.length, i + 4096);
      double s = 0;
      for (int j = i; j < end; j++) {
        s += (double) g[j] * g[j];
      }
      total += s;
    }
    return Math.sqrt(total);
  }

  /** Scales {@code g} so that its norm is at most {@code maxNorm}; returns the norm before. */
  public static double clip(float[] g, double maxNorm) {
    double n = norm(g);
    if (maxNorm > 0 && n > maxNorm) {
      float s = (float) (maxNorm / (n + 1e-6));
      for (int i = 0; i < g.length; i++) {
        g[i] *= s;
      }
    }
    return n;
  }
}
