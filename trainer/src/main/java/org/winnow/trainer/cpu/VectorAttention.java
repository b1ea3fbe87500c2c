package org.winnow.trainer.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Attention} on the JDK's Vector API, for one (sequence, head) block at a time. The
 * products that are dot products along the head dimension in the plain loops (query·key scores,
 * and output gradient·value in the backward pass) go through a transposed copy of the block's
 * keys or values, so that a vector holds consecutive key positions and the head dimension is a
 * chain of fused multiply-adds; the row updates along the head dimension are fused multiply-adds
 * too. Every element's sum runs in a fixed order, the same whether it falls in a whole vector or
 * in the scalar tail ({@link Math#fma} there), so results depend on neither the thread count nor
 * the row length. Only loaded when the {@code jdk.incubator.vector} module is present.
 */
final class VectorAttention {
  private static final VectorSpecies<Float> S = VectorExp.S;
  private static final int VL = S.length();

  private VectorAttention() {}

  /** {@link Attention#forward} for block {@code bh}; {@code scratch} holds {@code hs * t} floats. */
  static void forward(float[] out, float[] att, float[] qkv, float[] scratch, int bh, int t,
      int c, int nh) {
    int hs = c / nh;
    int c3 = 3 * c;
    int bi = bh / nh;
    int h = bh % nh;
    float scale = (float) (1.0 / Math.sqrt(hs));
    transpose(scratch, qkv, bi * t * c3 + c + h * hs, c3, t, hs);
    for (int i = 0; i < t; i++) {
      int q = (bi * t + i) * c3 + h * hs;
      int a = (bh * t + i) * t;
      products(att, a, qkv, q, scratch, i + 1, t, hs, scale);
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j <= i; j++) {
        max = Math.max(max, att[a + j]);
      }
      Attention.normalize(att, a, i + 1, max);
      // out_i = sum_j att_ij v_j, a slice of the head dimension at a time, held in a register.
      int o = (bi * t + i) * c + h * hs;
      int v0 = bi * t * c3 + 2 * c + h * hs;
      int d = 0;
      for (; d + VL <= hs; d += VL) {
        FloatVector acc = FloatVector.zero(S);
        for (int j = 0; j <= i; j++) {
          acc = FloatVector.fromArray(S, qkv, v0 + j * c3 + d)
              .fma(FloatVector.broadcast(S, att[a + j]), acc);
        }
        acc.intoArray(out, o + d);
      }
      for (; d < hs; d++) {
        float acc = 0f;
        for (int j = 0; j <= i; j++) {
          acc = Math.fma(qkv[v0 + j * c3 + d], att[a + j], acc);
        }
        out[o + d] = acc;
      }
    }
  }

  /**
   * {@link Attention#backward} for block {@code bh}; {@code scratch} holds {@code hs * t} floats
   * for the transposed values and then {@code t} for one row of the weights' gradient.
   */
  static void backward(float[] dqkv, float[] dout, float[] qkv, float[] att, float[] scratch,
      int bh, int t, int c, int nh) {
    int hs = c / nh;
    int c3 = 3 * c;
    int bi = bh / nh;
    int h = bh % nh;
    float scale = (float) (1.0 / Math.sqrt(hs));
    int datt = hs * t;
    int v0 = bi * t * c3 + 2 * c + h * hs;
    int k0 = bi * t * c3 + c + h * hs;
    transpose(scratch, qkv, v0, c3, t, hs);
    for (int i = 0; i < t; i++) {
      int a = (bh * t + i) * t;
      int o = (bi * t + i) * c + h * hs;
      int q = (bi * t + i) * c3 + h * hs;
      products(scratch, datt, dout, o, scratch, i + 1, t, hs, 1f);
      float dot = 0f;
      for (int j = 0; j <= i; j++) {
        dot += scratch[datt + j] * att[a + j];
      }
      // The pre-softmax gradient replaces the row of weight gradients it is made from.
      for (int j = 0; j <= i; j++) {
        float w = att[a + j];
        axpy(w, dout, o, dqkv, v0 + j * c3, hs);
        float dpre = w * (scratch[datt + j] - dot) * scale;
        scratch[datt + j] = dpre;
        axpy(dpre, qkv, q, dqkv, k0 + j * c3, hs);
      }
      // dq_i += sum_j dpre_j k_j, a slice of the head dimension at a time, held in a register.
      int d = 0;
      for (; d + VL <= hs; d += VL) {
        FloatVector acc = FloatVector.fromArray(S, dqkv, q + d);
        for (int j = 0; j <= i; j++) {
          acc = FloatVector.fromArray(S, qkv, k0 + j * c3 + d)
              .fma(FloatVector.broadcast(S, scratch[datt + j]), acc);
        }
        acc.intoArray(dqkv, q + d);
      }
      for (; d < hs; d++) {
        float acc = dqkv[q + d];
        for (int j = 0; j <= i; j++) {
          acc = Math.fma(qkv[k0 + j * c3 + d], scratch[datt + j], acc);
        }
        dqkv[q + d] = acc;
      }
    }
  }

  /**
   * {@code y[yOff + j] = scale * sum_d x[xOff + d] * block[d * t + j]} for {@code j < n}: the
   * vector covers consecutive {@code j}, the head dimension is a chain of fused multiply-adds.
   */
  private static void products(float[] y, int yOff, float[] x, int xOff, float[] block, int n,
      int t, int hs, float scale) {
    int j = 0;
    for (; j + VL <= n; j += VL) {
      FloatVector acc = FloatVector.zero(S);
      for (int d = 0; d < hs; d++) {
        acc = FloatVector.fromArray(S, block, d * t + j)
            .fma(FloatVector.broadcast(S, x[xOff + d]), acc);
      }
      acc.mul(scale).intoArray(y, yOff + j);
    }
    for (; j < n; j++) {
      float acc = 0f;
      for (int d = 0; d < hs; d++) {
        acc = Math.fma(block[d * t + j], x[xOff + d], acc);
      }
      y[yOff + j] = acc * scale;
    }
  }

  /** {@code y[yOff, yOff + n) += w * x[xOff, xOff + n)}, fused multiply-adds. */
  private static void axpy(float w, float[] x, int xOff, float[] y, int yOff, int n) {
    FloatVector wv = FloatVector.broadcast(S, w);
    int d = 0;
    for (; d + VL <= n; d += VL) {
      FloatVector.fromArray(S, x, xOff + d).fma(wv, FloatVector.fromArray(S, y, yOff + d))
          .intoArray(y, yOff + d);
    }
    for (; d < n; d++) {
      y[yOff + d] = Math.fma(x[xOff + d], w, y[yOff + d]);
    }
  }

  /** {@code block[d * t + j] = qkv[first + j * stride + d]} for {@code j < t, d < hs}. */
  private static void transpose(float[] block, float[] qkv, int first, int stride, int t,
      int hs) {
    for (int j = 0; j < t; j++) {
      int row = first + j * stride;
      for (int d = 0; d < hs; d++) {
        block[d * t + j] = qkv[row + d];
      }
    }
  }
}
