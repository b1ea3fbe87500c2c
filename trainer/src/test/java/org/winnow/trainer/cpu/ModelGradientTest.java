package org.winnow.trainer.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.winnow.trainer.model.GptConfig;
import org.winnow.trainer.model.Initializer;
import org.winnow.trainer.model.ParameterLayout;

/** The whole model's gradient against finite differences of its loss, tensor by tensor. */
class ModelGradientTest {
  @Test
  void everyTensorsGradientMatchesFiniteDifferences() {
    GptConfig config = new GptConfig(2, 2, 16, 8, 37);
    float[] p = Initializer.initialise(config, 7);
    SplittableRandom r = new SplittableRandom(8);
    // Larger matrices than GPT-2's 0.02 make the gradients large enough to see in float; LayerNorm
    // weights and biases move off 1 and 0 so that their gradients are checked away from the start.
    for (ParameterLayout.Tensor tensor : ParameterLayout.of(config).tensors()) {
      for (int i = tensor.offset(); i < tensor.offset() + tensor.size(); i++) {
        p[i] = tensor.matrix() ? p[i] * 5f : p[i] + (float) (r.nextDouble() * 0.2 - 0.1);
      }
    }
    int b = 2;
    int t = 8;
    int[] in = new int[b * t];
    int[] target = new int[b * t];
    for (int i = 0; i < in.length; i++) {
      in[i] = r.nextInt(config.vocab());
      target[i] = r.nextInt(config.vocab());
    }
    target[5] = -1;
    try (Parallel par = new Parallel(2)) {
      CpuGpt model = new CpuGpt(config, p, b, t, par);
      model.zeroGrad();
      model.forwardForTraining(in, target, 1f);
      model.backward();
      float[] g = model.grads().clone();
      double eps = 1e-2;
      java.util.List<String> failures = new java.util.ArrayList<>();
      for (ParameterLayout.Tensor tensor : model.layout().tensors()) {
        double maxAbs = 0;
        for (int i = tensor.offset(); i < tensor.offset() + tensor.size(); i++) {
          maxAbs = Math.max(maxAbs, Math.abs(g[i]));
        }
        for (int s = 0; s < 6; s++) {
          int i = tensor.offset() + r.nextInt(tensor.size());
          if (tensor.name().equals("wte")) {
            i = tensor.offset() + in[s] * config.nEmbd() + r.nextInt(config.nEmbd());
          }
          float keep = p[i];
          p[i] = (float) (keep + eps);
          double up = model.forward(in, target);
          p[i] = (float) (keep - eps);
          double down = model.forward(in, target);
          p[i] = keep;
          double fd = (up - down) / (2 * eps);
          if (!(Math.abs(fd - g[i]) <= 3e-2 * Math.abs(fd) + 3e-3 * maxAbs + 2e-5)) {
            failures.add(tensor.name() + " at " + (i - tensor.offset()) + ": analytic " + g[i]
                + " vs finite difference " + fd);
          }
        }
      }
      assertTrue(failures.isEmpty(), String.join("\n", failures));
      // Padded embedding rows never get a gradient.
      for (int i = config.vocab() * config.nEmbd(); i < config.paddedVocab() * config.nEmbd(); i++) {
        assertEquals(0f, g[i]);
      }
    }
  }
}
