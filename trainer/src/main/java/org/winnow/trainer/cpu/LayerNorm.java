package org.winnow.trainer.cpu;

/**
 * LayerNorm over the channels of each row, {@code y = (x - mean) * rstd * w + b}, with the mean
 * and reciprocal standard deviation kept for the backward pass. Statistics are summed in double
 * in channel order.
 */
public final class LayerNorm {
  static final float EPS = 1e-5f;

  private LayerNorm() {}

  public static void forward(Parallel par, float[] out, float[] mean, float[] rstd, float[] inp,
      float[] p, int wOff, int bOff, int n, int c) {
    par.forRange(n, (from, to, worker) -> {
      for (int r = from; r < to; r++) {
        int x = r * c;
        double s = 0;
        for (int i = 0; i < c; i++) {
          s += inp[x + i];
        }
        float m = (float) (s / c);
        double v = 0;
        for (int i = 0; i < c; i++) {
          float d = inp[x + i] - m;
          v += d * d;
        }
        float rs = (float) (1.0 / Math.sqrt(v / c + EPS));
        for (int i = 0; i < c; i++) {
          out[x + i] = (inp[x + i] - m) * rs * p[wOff + i] + p[bOff + i];
        }
        mean[r] = m;
        rstd[r] = rs;
      }
    });
  }

  /**
   * Accumulates {@code dinp}, and the weight and bias gradients into {@code grads}. The input
   * gradient is a per-row job; the parameter gradients sum over rows, so they are done in a
   * second pass split by channel to keep each sum in one worker.
   */
  public static void backward(Parallel par, float[] dinp, float[] grads, int dwOff, int dbOff,
      float[] dout, float[] inp, float[] p, int wOff, float[] mean, float[] rstd, int n, int c) {
    par.forRange(n, (from, to, worker) -> {
      for (int r = from; r < to; r++) {
        int x = r * c;
        float m = mean[r];
        float rs = rstd[r];
        double dnormMean = 0;
        double dnormNormMean = 0;
        for (int i = 0; i < c; i++) {
          float norm = (inp[x + i] - m) * rs;
          float dnorm = p[wOff + i] * dout[x + i];
          dnormMean += dnorm;
          dnormNormMean += dnorm * norm;
        }
        float a = (float) (dnormMean / c);
        float b = (float) (dnormNormMean / c);
        for (int i = 0; i < c; i++) {
          float norm = (inp[x + i] - m) * rs;
          float dnorm = p[wOff + i] * dout[x + i];
          dinp[x + i] += (dnorm - a - norm * b) * rs;
        }
      }
    });
    par.forRange(c, (from, to, worker) -> {
      for (int r = 0; r < n; r++) {
        int x = r * c;
        float m = mean[r];
        float rs = rstd[r];
        for (int i = from; i < to; i++) {
          float norm = (inp[x + i] - m) * rs;
          grads[dbOff + i] += dout[x + i];
          grads[dwOff + i] += norm * dout[x + i];
        }
      }
    });
  }
}
