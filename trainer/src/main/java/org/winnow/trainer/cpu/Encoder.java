package org.winnow.trainer.cpu;

/** Token plus position embedding: {@code out[b][t] = wte[token] + wpe[t]}. */
public final class Encoder {
  private Encoder() {}

  public static void forward(Parallel par, float[] out, int[] tokens, float[] p, int wte,
      int wpe, int b, int t, int c) {
    par.forRange(b * t, (from, to, worker) -> {
      for (int n = from; n < to; n++) {
        int e = wte + tokens[n] * c;
        int q = wpe + (n % t) * c;
        int o = n * c;
        for (int i = 0; i < c; i++) {
          out[o + i] = p[e + i] + p[q + i];
        }
      }
    });
  }

  /**
   * Accumulates the embedding gradients. Position rows are split among workers; token rows can
   * repeat anywhere in the batch, so they are summed by one pass in batch order.
   */
  public static void backward(Parallel par, float[] g, int wte, int wpe, float[] dout,
      int[] tokens, int b, int t, int c) {
    par.forRange(t, (from, to, worker) -> {
      for (int bi = 0; bi < b; bi++) {
        for (int ti = from; ti < to; ti++) {
          int d = (bi * t + ti) * c;
          int q = wpe + ti * c;
          for (int i = 0; i < c; i++) {
            g[q + i] += dout[d + i];
          }
        }
      }
    });
    for (int n = 0; n < b * t; n++) {
      int d = n * c;
      int e = wte + tokens[n] * c;
      for (int i = 0; i < c; i++) {
        g[e + i] += dout[d + i];
      }
    }
  }
}
