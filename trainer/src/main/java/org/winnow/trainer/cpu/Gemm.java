package org.winnow.trainer.cpu;

/**
 * {@code y[r][j] += sum_k a(r, k) * x[k][j]} for row groups of four, tiled so that a block of
 * {@code x} ({@value VectorGemm#KB} x {@value #TILE}) stays in the L2 cache while all of a
 * worker's rows pass over it. Runs the Vector API kernel when the JVM has the {@code
 * jdk.incubator.vector} module ({@code --add-modules jdk.incubator.vector}) and plain loops
 * otherwise; either way each output element's sum has a fixed order, so results do not depend on
 * the thread count (they may differ between the two kernels: fused multiply-adds round once).
 */
final class Gemm {
  static final int TILE = 512;
  static final boolean VECTOR = vectorAvailable();

  private Gemm() {}

  private static boolean vectorAvailable() {
    try {
      return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && VectorGemm.VL >= 4;
    } catch (LinkageError e) {
      return false;
    }
  }

  /** What the matrix products run on, e.g. "Vector API, 512-bit" or "scalar loops". */
  static String describe() {
    return VECTOR ? "Vector API, " + VectorGemm.bits() + "-bit vectors" : "scalar loops (JIT "
        + "auto-vectorised; start the JVM with --add-modules jdk.incubator.vector for more)";
  }

  /**
   * Row groups {@code [g0, g1)} (4 rows each, the last may be short) of {@code rows} rows.
   *
   * @param aRow stride of {@code a} between rows of {@code y}
   * @param aCol stride of {@code a} along the shared dimension
   */
  static void run(float[] y, int yOff, int yStride, int rows, int g0, int g1, float[] a,
      int aOff, int aRow, int aCol, float[] x, int xOff, int xStride, int k, int len) {
    run(VECTOR, y, yOff, yStride, rows, g0, g1, a, aOff, aRow, aCol, x, xOff, xStride, k, len);
  }

  /** As {@link #run}, choosing the kernel (the duel test runs both). */
  static void run(boolean vector, float[] y, int yOff, int yStride, int rows, int g0, int g1,
      float[] a, int aOff, int aRow, int aCol, float[] x, int xOff, int xStride, int k,
      int len) {
    for (int j0 = 0; j0 < len; j0 += TILE) {
      int jl = Math.min(TILE, len - j0);
      for (int k0 = 0; k0 < k; k0 += VectorGemm.KB) {
        int kl = Math.min(VectorGemm.KB, k - k0);
        for (int g = g0; g < g1; g++) {
          int r = g * 4;
          int rs = Math.min(4, rows - r);
          int ao = aOff + r * aRow + k0 * aCol;
          int xo = xOff + k0 * xStride + j0;
          int yo = yOff + r * yStride + j0;
          if (vector) {
            VectorGemm.block(y, yo, yStride, rs, a, ao, aRow, aCol, x, xo, xStride, kl, jl);
          } else {
            scalar(y, yo, yStride, rs, a, ao, aRow, aCol, x, xo, xStride, kl, jl);
          }
        }
      }
    }
  }

  private static void scalar(float[] y, int yOff, int yStride, int rows, float[] a, int aOff,
      int aRow, int aCol, float[] x, int xOff, int xStride, int k, int len) {
    for (int q = 0; q < rows; q++) {
      int yr = yOff + q * yStride;
      for (int kk = 0; kk < k; kk++) {
        float av = a[aOff + q * aRow + kk * aCol];
        int xr = xOff + kk * xStride;
        for (int j = 0; j < len; j++) {
          y[yr + j] += av * x[xr + j];
        }
      }
    }
  }
}
