package org.winnow.trainer.cpu;

/**
 * Matrix products of the CPU path, written as row updates ({@code y[j] += a * x[j]} over
 * contiguous {@code j}) because that is the form the JIT vectorises; a dot product over floats it
 * does not. Four rows share each loaded weight row, and columns go in tiles of {@value #TILE} so
 * that a tile of the weights stays in the L2 cache while every row of a worker's block passes
 * over it. Each output element belongs to one worker and is summed in a fixed order.
 *
 * <p>Shapes: {@code inp [n][ic]}, weights {@code w [ic][oc]} (input-major), {@code out [n][oc]}.
 */
public final class Matmul {
  static final int TILE = 512;

  private Matmul() {}

  /** {@code out = inp w + bias} ({@code bias} may be null); {@code out} is overwritten. */
  public static void forward(Parallel par, float[] out, float[] inp, float[] w, int wOff,
      float[] bias, int bOff, int n, int ic, int oc) {
    par.forRange((n + 3) / 4, (from, to, worker) -> {
      int r0 = from * 4;
      int r1 = Math.min(n, to * 4);
      for (int o0 = 0; o0 < oc; o0 += TILE) {
        int len = Math.min(TILE, oc - o0);
        for (int r = r0; r < r1; r += 4) {
          int rows = Math.min(4, r1 - r);
          for (int q = 0; q < rows; q++) {
            int o = (r + q) * oc + o0;
            if (bias == null) {
              java.util.Arrays.fill(out, o, o + len, 0f);
            } else {
              System.arraycopy(bias, bOff + o0, out, o, len);
            }
          }
          if (rows == 4) {
            rows4(out, r * oc + o0, oc, inp, r * ic, ic, w, wOff + o0, oc, len);
          } else {
            for (int q = 0; q < rows; q++) {
              rows1(out, (r + q) * oc + o0, inp, (r + q) * ic, ic, w, wOff + o0, oc, len);
            }
          }
        }
      }
    });
  }

  /**
   * {@code dinp += dout wt}, where {@code wt [oc][ic]} is the weights transposed (the caller keeps
   * a transposed copy; for the tied output layer the embedding already has that shape).
   */
  public static void backwardInput(Parallel par, float[] dinp, float[] dout, float[] wt,
      int wtOff, int n, int ic, int oc) {
    par.forRange((n + 3) / 4, (from, to, worker) -> {
      int r0 = from * 4;
      int r1 = Math.min(n, to * 4);
      for (int i0 = 0; i0 < ic; i0 += TILE) {
        int len = Math.min(TILE, ic - i0);
        for (int r = r0; r < r1; r += 4) {
          int rows = Math.min(4, r1 - r);
          if (rows == 4) {
            rows4(dinp, r * ic + i0, ic, dout, r * oc, oc, wt, wtOff + i0, ic, len);
          } else {
            for (int q = 0; q < rows; q++) {
              rows1(dinp, (r + q) * ic + i0, dout, (r + q) * oc, oc, wt, wtOff + i0, ic, len);
            }
          }
        }
      }
    });
  }

  /** {@code dw [ic][oc] += inp^T dout}: workers own rows of {@code dw}. */
  public static void backwardWeight(Parallel par, float[] dw, int dwOff, float[] inp,
      float[] dout, int n, int ic, int oc) {
    par.forRange(ic, (from, to, worker) -> {
      for (int o0 = 0; o0 < oc; o0 += TILE) {
        int len = Math.min(TILE, oc - o0);
        for (int k0 = from; k0 < to; k0 += 16) {
          int k1 = Math.min(to, k0 + 16);
          for (int r = 0; r < n; r++) {
            int d = r * oc + o0;
            int in = r * ic;
            for (int k = k0; k < k1; k++) {
              float a = inp[in + k];
              int y = dwOff + k * oc + o0;
              for (int j = 0; j < len; j++) {
                dw[y + j] += a * dout[d + j];
              }
            }
          }
        }
      }
    });
  }

  /**
   * {@code dwt [oc][ic] += dout^T inp}: the weight gradient when the weights are stored
   * output-major, as the tied embedding is. Workers own rows of {@code dwt}.
   */
  public static void backwardWeightTransposed(Parallel par, float[] dwt, int dwtOff,
      float[] inp, float[] dout, int n, int ic, int oc) {
    par.forRange(oc, (from, to, worker) -> {
      for (int o0 = from; o0 < to; o0 += 16) {
        int o1 = Math.min(to, o0 + 16);
        for (int r = 0; r < n; r++) {
          int in = r * ic;
          int d = r * oc;
          for (int o = o0; o < o1; o++) {
            float a = dout[d + o];
            if (a == 0f) {
              continue; // padded vocabulary rows: exact, since a * x + y == y for a == 0
            }
            int y = dwtOff + o * ic;
            for (int j = 0; j < ic; j++) {
              dwt[y + j] += a * inp[in + j];
            }
          }
        }
      }
    });
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

  /** Four consecutive rows: {@code y[q][j] += sum_k a[q][k] * x[k][j]} for a tile of j. */
  private static void rows4(float[] y, int yOff, int yStride, float[] a, int aOff, int aStride,
      float[] x, int xOff, int xStride, int len) {
    int y0 = yOff;
    int y1 = y0 + yStride;
    int y2 = y1 + yStride;
    int y3 = y2 + yStride;
    int k = a.length == 0 ? 0 : aStride;
    for (int kk = 0; kk < k; kk++) {
      float a0 = a[aOff + kk];
      float a1 = a[aOff + aStride + kk];
      float a2 = a[aOff + 2 * aStride + kk];
      float a3 = a[aOff + 3 * aStride + kk];
      int xr = xOff + kk * xStride;
      for (int j = 0; j < len; j++) {
        float v = x[xr + j];
        y[y0 + j] += a0 * v;
        y[y1 + j] += a1 * v;
        y[y2 + j] += a2 * v;
        y[y3 + j] += a3 * v;
      }
    }
  }

  private static void rows1(float[] y, int yOff, float[] a, int aOff, int k, float[] x, int xOff,
      int xStride, int len) {
    for (int kk = 0; kk < k; kk++) {
      float a0 = a[aOff + kk];
      int xr = xOff + kk * xStride;
      for (int j = 0; j < len; j++) {
        y[yOff + j] += a0 * x[xr + j];
      }
    }
  }
}
