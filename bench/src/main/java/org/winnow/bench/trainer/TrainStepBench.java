package org.winnow.bench.trainer;

import java.util.Locale;
import java.util.SplittableRandom;
import org.winnow.trainer.cpu.CpuGpt;
import org.winnow.trainer.cpu.Parallel;
import org.winnow.trainer.model.GptConfig;
import org.winnow.trainer.model.Initializer;
import org.winnow.trainer.optim.AdamW;
import org.winnow.trainer.optim.GradientClip;

/**
 * Tokens/s of one CPU training step (forward, backward, clipping, AdamW) for a model preset at
 * batch B x T, on random tokens: the figure to set beside llm.c's train_gpt2.c on the same
 * shapes. FLOPs per token are llm.c's 6N + 6LCT.
 *
 * <p>Arguments: preset vocab batch seqLen steps threads peakGflops
 */
public final class TrainStepBench {
  private TrainStepBench() {}

  public static void main(String[] args) {
    String preset = args[0];
    int vocab = Integer.parseInt(args[1]);
    int b = Integer.parseInt(args[2]);
    int t = Integer.parseInt(args[3]);
    int steps = Integer.parseInt(args[4]);
    int threads = Integer.parseInt(args[5]);
    double peak = Double.parseDouble(args[6]);
    GptConfig c = GptConfig.preset(preset, vocab);
    float[] p = Initializer.initialise(c, 1);
    SplittableRandom r = new SplittableRandom(2);
    int[] in = new int[b * t];
    int[] tg = new int[b * t];
    try (Parallel par = new Parallel(threads)) {
      CpuGpt model = new CpuGpt(c, p, b, t, par);
      AdamW adam = AdamW.standard(model.layout(), 0.1f);
      double best = Double.MAX_VALUE;
      double total = 0;
      double cpuTotal = 0;
      com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      for (int s = 0; s <= steps; s++) {
        for (int i = 0; i < in.length; i++) {
          in[i] = r.nextInt(vocab);
          tg[i] = r.nextInt(vocab);
        }
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        model.zeroGrad();
        float loss = model.forwardForTraining(in, tg, 1f);
        model.backward();
        GradientClip.clip(model.grads(), 1.0);
        adam.step(par, p, model.grads(), 3e-4f, s + 1);
        double sec = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        System.err.printf(Locale.ROOT, "%s step %d: %.2f s, loss %.4f%n", preset, s, sec, loss);
        if (s > 0) { // step 0 warms the JIT up
          best = Math.min(best, sec);
          total += sec;
          cpuTotal += cpu;
        }
      }
      double mean = total / steps;
      double tps = b * t / mean;
      double gflops = tps * c.flopsPerToken(t) / 1e9;
      System.out.printf(Locale.ROOT,
          "%s vocab %d (padded %d), %,d params, batch %dx%d, %d threads: %.2f s/step (best %.2f),"
              + " %.0f tokens/s, %.1f GFLOP/s, %.1f%% of %.0f GFLOP/s%n",
          preset, vocab, c.paddedVocab(), c.parameterCount(), b, t, threads, mean, best, tps,
          gflops, 100 * gflops / peak, peak);
      // On a shared machine the wall clock counts other processes' time; CPU time does not.
      double perCore = b * t / (cpuTotal / steps);
      System.out.printf(Locale.ROOT,
          "  CPU time %.2f core-s/step: %.0f tokens per core-second, %.1f GFLOP per core-second;"
              + " %d unshared cores would give %.0f tokens/s%n",
          cpuTotal / steps, perCore, perCore * c.flopsPerToken(t) / 1e9, threads,
          perCore * threads);
      System.out.println("  matrix products: " + CpuGpt.kernelDescription());
    }
  }
}
