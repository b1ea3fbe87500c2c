package org.winnow.trainer.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.winnow.trainer.model.GptConfig;
import org.winnow.trainer.model.Initializer;

/** Two micro-batches of 4 with scale 1/2 give the gradient of one batch of 8. */
class AccumulationTest {
  @Test
  void accumulatedGradientEqualsTheFullBatchGradient() {
    GptConfig config = new GptConfig(2, 2, 32, 16, 50);
    float[] p = Initializer.initialise(config, 9);
    SplittableRandom r = new SplittableRandom(10);
    int t = 16;
    int[] in = new int[8 * t];
    int[] tg = new int[8 * t];
    for (int i = 0; i < in.length; i++) {
      in[i] = r.nextInt(config.vocab());
      tg[i] = r.nextInt(config.vocab());
    }
    try (Parallel par = new Parallel(2)) {
      CpuGpt full = new CpuGpt(config, p, 8, t, par);
      full.zeroGrad();
      float fullLoss = full.forwardForTraining(in, tg, 1f);
      full.backward();
      CpuGpt half = new CpuGpt(config, p, 4, t, par);
      half.zeroGrad();
      float l1 = half.forwardForTraining(java.util.Arrays.copyOfRange(in, 0, 4 * t),
          java.util.Arrays.copyOfRange(tg, 0, 4 * t), 0.5f);
      half.backward();
      float l2 = half.forwardForTraining(java.util.Arrays.copyOfRange(in, 4 * t, 8 * t),
          java.util.Arrays.copyOfRange(tg, 4 * t, 8 * t), 0.5f);
      half.backward();
      assertEquals(fullLoss, (l1 + l2) / 2, 1e-5);
      float[] a = full.grads();
      float[] b = half.grads();
      double max = 0;
      for (float v : a) {
        max = Math.max(max, Math.abs(v));
      }
      for (int i = 0; i < a.length; i++) {
        assertTrue(Math.abs(a[i] - b[i]) <= 1e-4 * max, "gradient " + i + ": " + a[i] + " vs "
            + b[i]);
      }
    }
  }
}
