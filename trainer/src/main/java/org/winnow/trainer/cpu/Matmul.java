package org.winnow.trainer.cpu;

/**
 * Matrix products of the CPU path, all as {@link Gemm} row-group updates (which vectorise; a
 * dot product over floats does not). Each output element belongs to one worker and is summed in
 * a fixed order.
 *
 * <p>Shapes: {@code inp [n][ic]}, weights {@code w [ic][oc]} (input-major), {@code out [n][oc]}.
 */
public final class Matmul {
  static final int TILE = Gemm.TILE;

  private Matmul() {}

  /** {@code out = inp w + bias} ({@code bias} may be null); {@code out} is overwritten. */
  public static void forward(Parallel par, float[] out, float[] inp, float[] w, int wOff,
      float[] bias, int bOff, int n, int ic, int oc) {
    par.forRange((n + 3) / 4, (from, to, worker) -> {
      for (int r = from * 4; r < Math.min(n, to * 4); r++) {
        int o = r * oc;
        if (bias == null) {
          java.util.Arrays.fill(out, o, o + oc, 0f);
        } else {
          System.arraycopy(bias, bOff, out, o, oc);
        }
      }
      Gemm.run(out, 0, oc, n, from, to, inp, 0, ic, 1, w, wOff, oc, ic, oc);
    });
  }

  /**
   * {@code dinp += dout wt}, where {@code wt [oc][ic]} is the weights transposed (the caller keeps
   * a transposed copy; for the tied output layer the embedding already has that shape).
   */
  public static void backwardInput(Parallel par, float[] dinp, float[] dout, float[] wt,
      int wtOff, int n, int ic, int oc) {
    par.forRange((n + 3) / 4, (from, to, worker) ->
        Gemm.run(dinp, 0, ic, n, from, to, dout, 0, oc, 1, wt, wtOff, ic, oc, ic));
  }

  /** {@code dw [ic][oc] += inp^T dout}: workers own rows of {@code dw}. */
  public static void backwardWeight(Parallel par, float[] dw, int dwOff, float[] inp,
      float[] dout, int n, int ic, int oc) {
    par.forRange((ic + 3) / 4, (from, to, worker) ->
        Gemm.run(dw, dwOff, oc, ic, from, to, inp, 0, 1, ic, dout, 0, oc, n, oc));
  }

  /**
   * {@code dwt [oc][ic] += dout^T inp}: the weight gradient when the weights are stored
   * output-major, as the tied embedding is. Workers own rows of {@code dwt}.
   */
  public static void backwardWeightTransposed(Parallel par, float[] dwt, int dwtOff,
      float[] inp, float[] dout, int n, int ic, int oc) {
    par.forRange((oc + 3) / 4, (from, to, worker) ->
        Gemm.run(dwt, dwtOff, ic, oc, from, to, dout, 0, 1, oc, inp, 0, ic, n, ic));
  }

  /** {@code dbias += sum over rows of dout}. */
  public static void backwardBias(Parallel par, float[] db, int dbOff, float[] dout, int n,
      int oc) {
    par.forRange(oc, (from, to, worker) -> {
      for (int r = 0; r < n; r++) {
        int d = r * oc;
        for (int j = from; j < to; j++) {
          db[dbOff + j] += dout[d + j];
        }
      }
    });
  }

  /** {@code dst [cols][rows] = src [rows][cols]} transposed. */
  public static void transpose(Parallel par, float[] src, int srcOff, float[] dst, int rows,
      int cols) {
    par.forRange(cols, (from, to, worker) -> {
      for (int r0 = 0; r0 < rows; r0 += 32) {
        int r1 = Math.min(rows, r0 + 32);
        for (int c = from; c < to; c++) {
          for (int r = r0; r < r1; r++) {
            dst[c * rows + r] = src[srcOff + r * cols + c];
          }
        }
      }
    });
  }
}
