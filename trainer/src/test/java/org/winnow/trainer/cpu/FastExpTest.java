package org.winnow.trainer.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FastExp} against {@link Math#exp} and {@link Math#tanh}, the vector kernels against the
 * scalar bits, and the softmax against double precision.
 */
class FastExpTest {
  @Test
  void withinTwoUlpOfTheExactValueOverTheWholeRange() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 2_000_000; i++) {
      float x = FastExp.MIN + (float) r.nextDouble() * (FastExp.MAX - FastExp.MIN);
      float exact = (float) Math.exp(x);
      float fast = FastExp.exp(x);
      assertTrue(Math.abs(fast - exact) <= 2 * Math.ulp(exact), x + ": " + fast + " vs " + exact);
    }
    for (float x : new float[] {0f, -0f, 1f, -1f, 0.5f, -20f, 80f, -87f}) {
      float exact = (float) Math.exp(x);
      assertTrue(Math.abs(FastExp.exp(x) - exact) <= 2 * Math.ulp(exact), Float.toString(x));
    }
    assertEquals(1f, FastExp.exp(0f));
  }

  @Test
  void tanhWithinOneTenMillionth() {
    SplittableRandom r = new SplittableRandom(6);
    for (int i = 0; i < 1_000_000; i++) {
      float y = (float) (r.nextGaussian() * 6);
      assertEquals(Math.tanh(y), FastExp.tanh(y), 2e-7, Float.toString(y));
    }
    assertEquals(1f, FastExp.tanh(50f));
    assertEquals(-1f, FastExp.tanh(-50f));
    assertEquals(0f, FastExp.tanh(0f));
  }

  @Test
  void theVectorGeluGivesTheScalarBits() {
    assumeTrue(Gemm.VECTOR, "the Vector API module is not present in this JVM");
    SplittableRandom r = new SplittableRandom(8);
    int n = 4_099;
    float[] x = new float[n];
    float[] dout = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextGaussian() * 3);
      dout[i] = (float) r.nextGaussian();
    }
    x[0] = 40f;
    x[1] = -40f;
    float[] out = new float[n];
    float[] dinp = new float[n];
    int tail = VectorGelu.forward(out, x, 0, n);
    assertEquals(tail, VectorGelu.backward(dinp, x, dout, 0, n));
    assertTrue(tail > n - VectorExp.S.length() && tail <= n);
    for (int i = 0; i < tail; i++) {
      assertEquals(Float.floatToIntBits(Gelu.forward(x[i])), Float.floatToIntBits(out[i]),
          "forward at " + x[i]);
      assertEquals(Float.floatToIntBits(Gelu.derivative(x[i]) * dout[i]),
          Float.floatToIntBits(dinp[i]), "backward at " + x[i]);
    }
  }

  @Test
  void edges() {
    assertEquals(0f, FastExp.exp(-88f));
    assertEquals(0f, FastExp.exp(-1e30f));
    assertEquals(0f, FastExp.exp(Float.NEGATIVE_INFINITY));
    assertEquals(Float.POSITIVE_INFINITY, FastExp.exp(89f));
    assertEquals(Float.POSITIVE_INFINITY, FastExp.exp(Float.POSITIVE_INFINITY));
    assertTrue(Float.isNaN(FastExp.exp(Float.NaN)));
  }

  @Test
  void theVectorKernelGivesTheScalarBits() {
    assumeTrue(Gemm.VECTOR, "the Vector API module is not present in this JVM");
    SplittableRandom r = new SplittableRandom(4);
    int n = 10_007;
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = switch (i % 50) {
        case 0 -> Float.NaN;
        case 1 -> -100f;
        case 2 -> 95f;
        default -> (float) (r.nextDouble() * 200 - 100);
      };
    }
    float[] vector = a.clone();
    VectorSoftmax.scaledExp(vector, 0, n, 0f, 1f);
    for (int i = 0; i < n; i++) {
      assertEquals(Float.floatToIntBits(FastExp.exp(a[i])), Float.floatToIntBits(vector[i]),
          "at " + i + ", x = " + a[i]);
    }
  }

  /** Loss and gradient of both kernels against double precision, with a padded, unscored row. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void softmaxCrossEntropyAgreesWithDoublePrecision(boolean vector) {
    assumeTrue(!vector || Gemm.VECTOR, "the Vector API module is not present in this JVM");
    SplittableRandom r = new SplittableRandom(5);
    int n = 7;
    int vocab = 1_003;
    int padded = 1_024;
    float scale = 0.125f;
    float[] logits = new float[n * padded];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) (r.nextGaussian() * 4);
    }
    int[] targets = {0, 5, vocab - 1, -1, 17, 500, 999};
    float[] grad = logits.clone();
    float[] losses = new float[n];
    try (Parallel par = new Parallel(2)) {
      SoftmaxCrossEntropy.run(vector, par, grad, losses, targets, n, vocab, padded, true, scale);
    }
    for (int row = 0; row < n; row++) {
      int x = row * padded;
      double max = Double.NEGATIVE_INFINITY;
      for (int v = 0; v < vocab; v++) {
        max = Math.max(max, logits[x + v]);
      }
      double sum = 0;
      for (int v = 0; v < vocab; v++) {
        sum += Math.exp(logits[x + v] - max);
      }
      double logSum = Math.log(sum) + max;
      int t = targets[row];
      assertEquals(t < 0 ? 0 : logSum - logits[x + t], losses[row], 1e-5, "loss of row " + row);
      for (int v = 0; v < padded; v++) {
        double expected = t < 0 || v >= vocab ? 0
            : (Math.exp(logits[x + v] - logSum) - (v == t ? 1 : 0)) * scale;
        assertEquals(expected, grad[x + v], 1e-7 + 1e-5 * Math.abs(expected),
            "gradient of row " + row + " at " + v);
      }
    }
  }
}
