package org.winnow.trainer.cpu;

/**
 * GPT-2's GELU, the tanh approximation, elementwise, with {@link FastExp#tanh}: on whole vectors
 * where the JVM has the Vector API ({@link VectorGelu}, the same bits), plain loops otherwise.
 */
public final class Gelu {
  static final float S = (float) Math.sqrt(2.0 / Math.PI);
  static final float K = 0.044715f;

  private Gelu() {}

  public static void forward(Parallel par, float[] out, float[] inp, int n) {
    par.forRange(n, (from, to, worker) -> {
      int i = Gemm.VECTOR ? VectorGelu.forward(out, inp, from, to) : from;
      for (; i < to; i++) {
        out[i] = forward(inp[i]);
      }
    });
  }

  /** {@code dinp = gelu'(inp) * dout}, written (not accumulated). */
  public static void backward(Parallel par, float[] dinp, float[] inp, float[] dout, int n) {
    par.forRange(n, (from, to, worker) -> {
      int i = Gemm.VECTOR ? VectorGelu.backward(dinp, inp, dout, from, to) : from;
      for (; i < to; i++) {
        dinp[i] = derivative(inp[i]) * dout[i];
      }
    });
  }

  static float forward(float x) {
    float cube = K * x * x * x;
    return 0.5f * x * (1f + FastExp.tanh(S * (x + cube)));
  }

  static float derivative(float x) {
    float cube = K * x * x * x;
    float th = FastExp.tanh(S * (x + cube));
    float sech2 = 1f - th * th;
    return 0.5f * (1f + th) + x * 0.5f * sech2 * S * (1f + 3f * K * x * x);
  }
}
