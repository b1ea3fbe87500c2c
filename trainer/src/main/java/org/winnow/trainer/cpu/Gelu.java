package org.winnow.trainer.cpu;

/** GPT-2's GELU, the tanh approximation, elementwise. */
public final class Gelu {
  private static final float S = (float) Math.sqrt(2.0 / Math.PI);
  private static final float K = 0.044715f;

  private Gelu() {}

  public static void forward(Parallel par, float[] out, float[] inp, int n) {
    par.forRange(n, (from, to, worker) -> {
      for (int i = from; i < to; i++) {
        float x = inp[i];
        float cube = K * x * x * x;
        out[i] = 0.5f * x * (1f + (float) StrictMath.tanh(S * (x + cube)));
      }
    });
  }

  /** {@code dinp = gelu'(inp) * dout}, written (not accumulated). */
  public static void backward(Parallel par, float[] dinp, float[] inp, float[] dout, int n) {
    par.forRange(n, (from, to, worker) -> {
      for (int i = from; i < to; i++) {
        float x = inp[i];
        float cube = K * x * x * x;
        float arg = S * (x + cube);
        float th = (float) StrictMath.tanh(arg);
        float sech2 = 1f - th * th;
        float grad = 0.5f * (1f + th) + x * 0.5f * sech2 * S * (1f + 3f * K * x * x);
        dinp[i] = grad * dout[i];
      }
    });
  }
}
