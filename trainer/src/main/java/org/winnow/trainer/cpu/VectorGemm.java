package org.winnow.trainer.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix-product micro-kernel on the JDK's Vector API: a block of up to 4 output rows by
 * {@code 2 x} the preferred vector width is held in registers while the shared dimension runs,
 * then added to the output, so the output is read and written once per block of {@value #KB} of
 * the shared dimension instead of once per element of it. Only loaded when the {@code
 * jdk.incubator.vector} module is present ({@link Gemm} falls back to plain loops otherwise).
 *
 * <p>{@code y[q][j] += sum_k a(q, k) * x[k][j]} with {@code a(q, k) = a[aOff + q*aRow + k*aCol]};
 * the sum over {@code k} is done in blocks of {@value #KB} in order, with fused multiply-adds,
 * whatever the thread count.
 */
final class VectorGemm {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int VL = S.length();
  static final int KB = 256;

  private VectorGemm() {}

  /** Vector width in bits, for the benchmark's report. */
  static int bits() {
    return S.vectorBitSize();
  }

  static void block(float[] y, int yOff, int yStride, int rows, float[] a, int aOff, int aRow,
      int aCol, float[] x, int xOff, int xStride, int k, int len) {
    int j = 0;
    int step = 2 * VL;
    if (rows == 4) {
      for (; j + step <= len; j += step) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        int ai = aOff;
        int xi = xOff + j;
        for (int kk = 0; kk < k; kk++) {
          FloatVector x0 = FloatVector.fromArray(S, x, xi);
          FloatVector x1 = FloatVector.fromArray(S, x, xi + VL);
          FloatVector a0 = FloatVector.broadcast(S, a[ai]);
          FloatVector a1 = FloatVector.broadcast(S, a[ai + aRow]);
          FloatVector a2 = FloatVector.broadcast(S, a[ai + 2 * aRow]);
          FloatVector a3 = FloatVector.broadcast(S, a[ai + 3 * aRow]);
          c00 = a0.fma(x0, c00);
          c01 = a0.fma(x1, c01);
          c10 = a1.fma(x0, c10);
          c11 = a1.fma(x1, c11);
          c20 = a2.fma(x0, c20);
          c21 = a2.fma(x1, c21);
          c30 = a3.fma(x0, c30);
          c31 = a3.fma(x1, c31);
          ai += aCol;
          xi += xStride;
        }
        store(y, yOff + j, c00, c01);
        store(y, yOff + yStride + j, c10, c11);
        store(y, yOff + 2 * yStride + j, c20, c21);
        store(y, yOff + 3 * yStride + j, c30, c31);
      }
    } else {
      for (; j + step <= len; j += step) {
        for (int q = 0; q < rows; q++) {
          FloatVector c0 = FloatVector.zero(S);
          FloatVector c1 = FloatVector.zero(S);
          int ai = aOff + q * aRow;
          int xi = xOff + j;
          for (int kk = 0; kk < k; kk++) {
            FloatVector av = FloatVector.broadcast(S, a[ai]);
            c0 = av.fma(FloatVector.fromArray(S, x, xi), c0);
            c1 = av.fma(FloatVector.fromArray(S, x, xi + VL), c1);
            ai += aCol;
            xi += xStride;
          }
          store(y, yOff + q * yStride + j, c0, c1);
        }
      }
    }
    // Columns past the last full pair of vectors, the same sums in scalar fused multiply-adds.
    for (int q = 0; q < rows; q++) {
      for (int jj = j; jj < len; jj++) {
        float c = 0f;
        int ai = aOff + q * aRow;
        int xi = xOff + jj;
        for (int kk = 0; kk < k; kk++) {
          c = Math.fma(a[ai], x[xi], c);
          ai += aCol;
          xi += xStride;
        }
        y[yOff + q * yStride + jj] += c;
      }
    }
  }

  private static void store(float[] y, int at, FloatVector c0, FloatVector c1) {
    FloatVector.fromArray(S, y, at).add(c0).intoArray(y, at);
    FloatVector.fromArray(S, y, at + VL).add(c1).intoArray(y, at + VL);
  }
}
