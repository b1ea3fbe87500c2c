package org.winnow.trainer.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both matrix-product kernels (Vector API and plain loops) against a naive double-precision
 * product, on random shapes just past the kernels' tile, block and vector sizes, with strided
 * left operands (the weight-gradient form).
 */
class GemmDuelTest {
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void kernelsAgreeWithTheNaiveProduct(boolean vector) {
    assumeTrue(!vector || Gemm.VECTOR, "the Vector API module is not present in this JVM");
    SplittableRandom r = new SplittableRandom(vector ? 1 : 2);
    for (int trial = 0; trial < 12; trial++) {
      int rows = 1 + r.nextInt(11);
      int k = 1 + r.nextInt(VectorGemm.KB + 40);
      int len = 1 + r.nextInt(Gemm.TILE + 70);
      boolean transposed = r.nextBoolean();
      float[] a = new float[rows * k];
      float[] x = new float[k * len];
      float[] y = new float[rows * len];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) r.nextGaussian();
      }
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextGaussian();
      }
      for (int i = 0; i < y.length; i++) {
        y[i] = (float) r.nextGaussian();
      }
      float[] start = y.clone();
      int aRow = transposed ? 1 : k;
      int aCol = transposed ? rows : 1;
      Gemm.run(vector, y, 0, len, rows, 0, (rows + 3) / 4, a, 0, aRow, aCol, x, 0, len, k, len);
      for (int q = 0; q < rows; q++) {
        for (int j = 0; j < len; j++) {
          double s = start[q * len + j];
          for (int kk = 0; kk < k; kk++) {
            s += (double) a[q * aRow + kk * aCol] * x[kk * len + j];
          }
          double err = Math.abs(s - y[q * len + j]);
          assertTrue(err < 1e-4 * Math.sqrt(k) * 10, "rows " + rows + " k " + k + " len " + len
              + " at " + q + "," + j + ": " + y[q * len + j] + " vs " + s);
        }
      }
    }
  }
}
