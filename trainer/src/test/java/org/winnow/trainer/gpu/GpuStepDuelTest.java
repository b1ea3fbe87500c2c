package org.winnow.trainer.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.winnow.trainer.cpu.CpuGpt;
import org.winnow.trainer.cpu.Parallel;
import org.winnow.trainer.model.GptConfig;
import org.winnow.trainer.model.Initializer;
import org.winnow.trainer.optim.AdamW;
import org.winnow.trainer.optim.GradientClip;

/**
 * A whole training step on the GPU against the CPU path: loss, every gradient and the parameters
 * after AdamW agree to what bf16 matrix products allow, and nothing is NaN. Skipped, with the
 * reason, without a usable GPU.
 */
@Tag("gpu")
class GpuStepDuelTest {
  @Test
  void aTrainingStepMatchesTheCpuPath() {
    DeviceProbe probe = CudaProbe.probe();
    assumeTrue(CudaProbe.ptxProblem(probe).isEmpty(),
        () -> "GPU test skipped: " + CudaProbe.ptxProblem(probe).orElse(""));
    GptConfig config = new GptConfig(2, 2, 64, 32, 100);
    float[] init = Initializer.initialise(config, 3);
    int b = 2;
    int t = 32;
    SplittableRandom r = new SplittableRandom(4);
    int[] in = new int[b * t];
    int[] tg = new int[b * t];
    for (int i = 0; i < in.length; i++) {
      in[i] = r.nextInt(config.vocab());
      tg[i] = i == 7 ? -1 : r.nextInt(config.vocab());
    }
    try (Parallel par = new Parallel(2);
        GpuGpt gpu = new GpuGpt(CudaKernels.load(), config, init.clone(), b, t)) {
      float[] cpuParams = init.clone();
      CpuGpt cpu = new CpuGpt(config, cpuParams, b, t, par);
      cpu.zeroGrad();
      float cpuLoss = cpu.forwardForTraining(in, tg, 1f);
      cpu.backward();
      gpu.zeroGrad();
      float gpuLoss = gpu.forwardForTraining(in, tg, 1f);
      gpu.backward();
      assertEquals(cpuLoss, gpuLoss, 2e-3 * cpuLoss);
      float[] cg = cpu.grads();
      float[] gg = gpu.grads();
      double max = 0;
      double diff = 0;
      for (int i = 0; i < cg.length; i++) {
        assertTrue(Float.isFinite(gg[i]), "gradient " + i + " is not finite");
        max = Math.max(max, Math.abs(cg[i]));
        diff = Math.max(diff, Math.abs(cg[i] - gg[i]));
      }
      assertTrue(diff <= 3e-2 * max, "largest gradient difference " + diff + " of " + max);
      double cpuNorm = GradientClip.clip(cg, 1.0);
      AdamW.standard(cpu.layout(), 0.1f).step(par, cpuParams, cg, 1e-3f, 1);
      double gpuNorm = gpu.step(1e-3f, 1, 0.1f, 1.0);
      assertEquals(cpuNorm, gpuNorm, 3e-2 * cpuNorm);
      float[] gp = gpu.params();
      for (int i = 0; i < gp.length; i++) {
        // Adam's first step moves each weight by about lr; a sign flip of a tiny gradient may
        // move it the other way, so allow 2 lr.
        assertEquals(cpuParams[i], gp[i], 2.1e-3, "parameter " + i);
      }
    }
  }
}
