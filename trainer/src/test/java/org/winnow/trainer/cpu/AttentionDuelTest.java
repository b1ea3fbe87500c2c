package org.winnow.trainer.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vector API attention against the plain loops (the finite-difference test checks the
 * gradient of whichever one the JVM runs), on head sizes and lengths that are and are not
 * multiples of the vector width, and again on one thread for identical bits.
 */
class AttentionDuelTest {
  @ParameterizedTest
  @CsvSource({"2, 37, 40, 2", "1, 64, 128, 2", "3, 19, 12, 3", "1, 130, 64, 1"})
  void vectorKernelAgreesWithThePlainLoops(int b, int t, int c, int nh) {
    assumeTrue(Gemm.VECTOR, "the Vector API module is not present in this JVM");
    SplittableRandom r = new SplittableRandom(t * 31L + c);
    float[] qkv = random(r, b * t * 3 * c);
    float[] dout = random(r, b * t * c);
    float[][] plain = run(false, 2, qkv, dout, b, t, c, nh);
    float[][] vector = run(true, 2, qkv, dout, b, t, c, nh);
    for (int k = 0; k < plain.length; k++) {
      for (int i = 0; i < plain[k].length; i++) {
        assertEquals(plain[k][i], vector[k][i], 2e-5f * (1 + Math.abs(plain[k][i])),
            (k == 0 ? "out" : k == 1 ? "att" : "dqkv") + " at " + i);
      }
    }
    float[][] oneThread = run(true, 1, qkv, dout, b, t, c, nh);
    for (int k = 0; k < vector.length; k++) {
      assertArrayEquals(vector[k], oneThread[k], "the thread count changed the bits");
    }
  }

  private static float[][] run(boolean vector, int threads, float[] qkv, float[] dout, int b,
      int t, int c, int nh) {
    float[] out = new float[b * t * c];
    float[] att = new float[b * nh * t * t];
    float[] dqkv = new float[qkv.length];
    try (Parallel par = new Parallel(threads)) {
      float[][] scratch = new float[threads][Attention.scratchFloats(t, c, nh)];
      Attention.forward(vector, par, out, att, qkv, scratch, b, t, c, nh);
      Attention.backward(vector, par, dqkv, dout, qkv, att, scratch, b, t, c, nh);
    }
    return new float[][] {out, att, dqkv};
  }

  private static float[] random(SplittableRandom r, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }
}
