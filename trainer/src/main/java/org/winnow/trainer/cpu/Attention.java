package org.winnow.trainer.cpu;

/**
 * Causal multi-head self-attention over {@code qkv [B][T][3C]} (queries, keys, values side by
 * side), one worker per (sequence, head) pair. The attention weights are kept for the backward
 * pass ({@code att [B][H][T][T]}, lower triangle used). Runs {@link VectorAttention} where the
 * JVM has the Vector API (in plain loops the dot products along the head dimension, which the JIT
 * does not vectorise, took a quarter of a {@code tiny} training step), plain loops otherwise.
 */
public final class Attention {
  private Attention() {}

  /** Floats of scratch space each worker needs ({@code scratch[worker]} in the calls). */
  public static int scratchFloats(int t, int c, int nh) {
    return (c / nh + 1) * t;
  }

  public static void forward(Parallel par, float[] out, float[] att, float[] qkv,
      float[][] scratch, int b, int t, int c, int nh) {
    forward(Gemm.VECTOR, par, out, att, qkv, scratch, b, t, c, nh);
  }

  /** As the public {@code forward}, with the kernel chosen: {@code vector} needs the Vector API. */
  static void forward(boolean vector, Parallel par, float[] out, float[] att, float[] qkv,
      float[][] scratch, int b, int t, int c, int nh) {
    if (vector) {
      par.forRange(b * nh, (from, to, worker) -> {
        for (int bh = from; bh < to; bh++) {
          VectorAttention.forward(out, att, qkv, scratch[worker], bh, t, c, nh);
        }
      });
      return;
    }
    int hs = c / nh;
    float scale = (float) (1.0 / Math.sqrt(hs));
    int c3 = 3 * c;
    par.forRange(b * nh, (from, to, worker) -> {
      for (int bh = from; bh < to; bh++) {
        int bi = bh / nh;
        int h = bh % nh;
        for (int i = 0; i < t; i++) {
          int q = (bi * t + i) * c3 + h * hs;
          int a = (bh * t + i) * t;
          float max = Float.NEGATIVE_INFINITY;
          for (int j = 0; j <= i; j++) {
            int k = (bi * t + j) * c3 + c + h * hs;
            float dot = 0f;
            for (int d = 0; d < hs; d++) {
              dot += qkv[q + d] * qkv[k + d];
            }
            dot *= scale;
            att[a + j] = dot;
            if (dot > max) {
              max = dot;
            }
          }
          normalize(att, a, i + 1, max);
          int o = (bi * t + i) * c + h * hs;
          java.util.Arrays.fill(out, o, o + hs, 0f);
          for (int j = 0; j <= i; j++) {
            int v = (bi * t + j) * c3 + 2 * c + h * hs;
            float w = att[a + j];
            for (int d = 0; d < hs; d++) {
              out[o + d] += w * qkv[v + d];
            }
          }
        }
      }
    });
  }

  /** Softmax in place over {@code att[a, a + n)}, whose largest value is {@code max}. */
  static void normalize(float[] att, int a, int n, float max) {
    float sum = 0f;
    for (int j = 0; j < n; j++) {
      float e = FastExp.exp(att[a + j] - max);
      att[a + j] = e;
      sum += e;
    }
    float inv = 1f / sum;
    for (int j = 0; j < n; j++) {
      att[a + j] *= inv;
    }
  }

  /**
   * Accumulates {@code dqkv} from {@code dout}; {@code scratch} holds {@link #scratchFloats}
   * floats per worker.
   */
  public static void backward(Parallel par, float[] dqkv, float[] dout, float[] qkv, float[] att,
      float[][] scratch, int b, int t, int c, int nh) {
    backward(Gemm.VECTOR, par, dqkv, dout, qkv, att, scratch, b, t, c, nh);
  }

  /** As the public {@code backward}, with the kernel chosen. */
  static void backward(boolean vector, Parallel par, float[] dqkv, float[] dout, float[] qkv,
      float[] att, float[][] scratch, int b, int t, int c, int nh) {
    if (vector) {
      par.forRange(b * nh, (from, to, worker) -> {
        for (int bh = from; bh < to; bh++) {
          VectorAttention.backward(dqkv, dout, qkv, att, scratch[worker], bh, t, c, nh);
        }
      });
      return;
    }
    int hs = c / nh;
    float scale = (float) (1.0 / Math.sqrt(hs));
    int c3 = 3 * c;
    par.forRange(b * nh, (from, to, worker) -> {
      float[] datt = scratch[worker];
      for (int bh = from; bh < to; bh++) {
        int bi = bh / nh;
        int h = bh % nh;
        for (int i = 0; i < t; i++) {
          int a = (bh * t + i) * t;
          int o = (bi * t + i) * c + h * hs;
          float dot = 0f;
          for (int j = 0; j <= i; j++) {
            int v = (bi * t + j) * c3 + 2 * c + h * hs;
            float s = 0f;
            for (int d = 0; d < hs; d++) {
              s += dout[o + d] * qkv[v + d];
            }
            datt[j] = s;
            dot += s * att[a + j];
            float w = att[a + j];
            for (int d = 0; d < hs; d++) {
              dqkv[v + d] += w * dout[o + d];
            }
          }
          int q = (bi * t + i) * c3 + h * hs;
          for (int j = 0; j <= i; j++) {
            float dpre = att[a + j] * (datt[j] - dot) * scale;
            int k = (bi * t + j) * c3 + c + h * hs;
            for (int d = 0; d < hs; d++) {
              dqkv[q + d] += dpre * qkv[k + d];
              dqkv[k + d] += dpre * qkv[q + d];
            }
          }
        }
      }
    });
  }
}
