package org.winnow.trainer.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Each layer's backward pass against central finite differences of the scalar {@code sum(out *
 * r)} for a fixed random {@code r}, on shapes that cross the matrix kernels' tiles and four-row
 * blocks.
 */
class LayerGradientTest {
  private static final Parallel PAR = new Parallel(2);

  @AfterAll
  static void close() {
    PAR.close();
  }

  static float[] random(SplittableRandom r, int n, double scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
    }
    return a;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  /** Checks {@code analytic[i]} against the finite difference of {@code objective} in {@code x[i]}. */
  static void check(String what, float[] x, float[] analytic, Supplier<Double> objective,
      SplittableRandom r, int samples) {
    double eps = 1e-2;
    double maxAbs = 0;
    for (float g : analytic) {
      maxAbs = Math.max(maxAbs, Math.abs(g));
    }
    assertTrue(maxAbs > 0, what + ": analytic gradient is all zero");
    for (int s = 0; s < samples; s++) {
      int i = r.nextInt(x.length);
      float keep = x[i];
      x[i] = (float) (keep + eps);
      double up = objective.get();
      x[i] = (float) (keep - eps);
      double down = objective.get();
      x[i] = keep;
      double fd = (up - down) / (2 * eps);
      double err = Math.abs(fd - analytic[i]);
      assertTrue(err <= 2e-2 * Math.abs(fd) + 2e-3 * maxAbs + 1e-5,
          what + "[" + i + "]: analytic " + analytic[i] + " vs finite difference " + fd);
    }
  }

  @Test
  void matmulForwardAndBackward() {
    SplittableRandom r = new SplittableRandom(1);
    int n = 7;
    int ic = 13;
    int oc = Matmul.TILE + 9;
    float[] inp = random(r, n * ic, 1);
    float[] w = random(r, ic * oc, 1);
    float[] bias = random(r, oc, 1);
    float[] out = new float[n * oc];
    float[] rr = random(r, n * oc, 1);
    Supplier<Double> f = () -> {
      Matmul.forward(PAR, out, inp, w, 0, bias, 0, n, ic, oc);
      return dot(out, rr);
    };
    f.get();
    // The forward against a naive triple loop.
    for (int i = 0; i < n; i++) {
      for (int o = 0; o < oc; o++) {
        double s = bias[o];
        for (int k = 0; k < ic; k++) {
          s += (double) inp[i * ic + k] * w[k * oc + o];
        }
        assertTrue(Math.abs(s - out[i * oc + o]) < 1e-4, "forward at " + i + "," + o);
      }
    }
    float[] wt = new float[oc * ic];
    Matmul.transpose(PAR, w, 0, wt, ic, oc);
    float[] dinp = new float[n * ic];
    float[] dw = new float[ic * oc];
    float[] db = new float[oc];
    Matmul.backwardInput(PAR, dinp, rr, wt, 0, n, ic, oc);
    Matmul.backwardWeight(PAR, dw, 0, inp, rr, n, ic, oc);
    Matmul.backwardBias(PAR, db, 0, rr, n, oc);
    check("matmul dinp", inp, dinp, f, r, 30);
    check("matmul dw", w, dw, f, r, 30);
    check("matmul dbias", bias, db, f, r, 20);
    // The output-major weight gradient (the tied embedding's) is dw transposed.
    float[] dwt = new float[oc * ic];
    Matmul.backwardWeightTransposed(PAR, dwt, 0, inp, rr, n, ic, oc);
    for (int k = 0; k < ic; k++) {
      for (int o = 0; o < oc; o++) {
        assertTrue(Math.abs(dwt[o * ic + k] - dw[k * oc + o]) < 1e-4, "dwt at " + o + "," + k);
      }
    }
  }

  @Test
  void layerNorm() {
    SplittableRandom r = new SplittableRandom(2);
    int n = 5;
    int c = 24;
    float[] inp = random(r, n * c, 2);
    float[] p = random(r, 2 * c, 1);
    float[] out = new float[n * c];
    float[] mean = new float[n];
    float[] rstd = new float[n];
    float[] rr = random(r, n * c, 1);
    Supplier<Double> f = () -> {
      LayerNorm.forward(PAR, out, mean, rstd, inp, p, 0, c, n, c);
      return dot(out, rr);
    };
    f.get();
    float[] dinp = new float[n * c];
    float[] dp = new float[2 * c];
    LayerNorm.backward(PAR, dinp, dp, 0, c, rr, inp, p, 0, mean, rstd, n, c);
    check("layernorm dinp", inp, dinp, f, r, 40);
    check("layernorm dparams", p, dp, f, r, 40);
  }

  @Test
  void gelu() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 200;
    float[] inp = random(r, n, 4);
    float[] out = new float[n];
    float[] rr = random(r, n, 1);
    Supplier<Double> f = () -> {
      Gelu.forward(PAR, out, inp, n);
      return dot(out, rr);
    };
    float[] dinp = new float[n];
    Gelu.backward(PAR, dinp, inp, rr, n);
    check("gelu", inp, dinp, f, r, 60);
  }

  @Test
  void attention() {
    SplittableRandom r = new SplittableRandom(4);
    int b = 2;
    int t = 6;
    int c = 12;
    int nh = 3;
    float[] qkv = random(r, b * t * 3 * c, 1);
    float[] out = new float[b * t * c];
    float[] att = new float[b * nh * t * t];
    float[] rr = random(r, b * t * c, 1);
    float[][] scratch = new float[2][Attention.scratchFloats(t, c, nh)];
    Supplier<Double> f = () -> {
      Attention.forward(PAR, out, att, qkv, scratch, b, t, c, nh);
      return dot(out, rr);
    };
    f.get();
    float[] dqkv = new float[qkv.length];
    Attention.backward(PAR, dqkv, rr, qkv, att, scratch, b, t, c, nh);
    check("attention dqkv", qkv, dqkv, f, r, 80);
    // Causality: the first position's output depends on nothing after it.
    float[] before = out.clone();
    qkv[(1 * 3 * c) + c] += 5f; // key of position 1 in sequence 0
    f.get();
    for (int i = 0; i < c; i++) {
      assertTrue(before[i] == out[i], "position 0 saw a later key");
    }
  }

  @Test
  void softmaxCrossEntropy() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 4;
    int v = 11;
    int vp = 16;
    float[] logits = random(r, n * vp, 3);
    int[] targets = {3, -1, 10, 0};
    float[] losses = new float[n];
    Supplier<Double> f = () -> {
      float[] copy = logits.clone();
      SoftmaxCrossEntropy.run(PAR, copy, losses, targets, n, v, vp, false, 1f);
      double s = 0;
      for (float l : losses) {
        s += l;
      }
      return s;
    };
    f.get();
    // The loss against the definition, in double.
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < v; k++) {
      max = Math.max(max, logits[k]);
    }
    double z = 0;
    for (int k = 0; k < v; k++) {
      z += Math.exp(logits[k] - max);
    }
    assertTrue(Math.abs(losses[0] - (Math.log(z) + max - logits[3])) < 1e-5);
    assertTrue(losses[1] == 0f, "an unscored position has no loss");
    float[] grad = logits.clone();
    SoftmaxCrossEntropy.run(PAR, grad, losses, targets, n, v, vp, true, 1f);
    for (int k = v; k < vp; k++) {
      assertTrue(grad[k] == 0f, "padded vocabulary column has a gradient");
    }
    check("softmax cross-entropy", logits, grad, f, r, 40);
  }

  @Test
  void encoder() {
    SplittableRandom r = new SplittableRandom(6);
    int b = 2;
    int t = 3;
    int c = 5;
    int v = 4;
    float[] p = random(r, v * c + t * c, 1);
    int[] tokens = {1, 3, 1, 0, 1, 2};
    float[] out = new float[b * t * c];
    float[] rr = random(r, out.length, 1);
    Supplier<Double> f = () -> {
      Encoder.forward(PAR, out, tokens, p, 0, v * c, b, t, c);
      return dot(out, rr);
    };
    float[] g = new float[p.length];
    Encoder.backward(PAR, g, 0, v * c, rr, tokens, b, t, c);
    check("encoder", p, g, f, r, 40);
  }
}
