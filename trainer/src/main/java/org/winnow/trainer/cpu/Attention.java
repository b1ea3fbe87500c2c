package org.winnow.trainer.cpu;

/**
 * Causal multi-head self-attention over {@code qkv [B][T][3C]} (queries, keys, values side by
 * side), one worker per (sequence, head) pair. The attention weights are kept for the backward
 * pass ({@code att [B][H][T][T]}, lower triangle used).
 */
public final class Attention {
  private Attention() {}

  public static void forward(Parallel par, float[] out, float[] att, float[] qkv, int b, int t,
      int c, int nh) {
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
          float sum = 0f;
          for (int j = 0; j <= i; j++) {
            float e = (float) Math.exp(att[a + j] - max);
            att[a + j] = e;
            sum += e;
          }
          float inv = 1f / sum;
          for (int j = 0; j <= i; j++) {
            att[a + j] *= inv;
          }
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

  /**
   * Accumulates {@code dqkv} from {@code dout}; {@code scratch} holds one row of {@code T} floats
   * per worker.
   */
  public static void backward(Parallel par, float[] dqkv, float[] dout, float[] qkv, float[] att,
      float[][] scratch, int b, int t, int c, int nh) {
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
