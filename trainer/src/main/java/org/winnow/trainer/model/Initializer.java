package org.winnow.trainer.model;

import java.util.SplittableRandom;

/**
 * GPT-2's initialisation, a pure function of the seed: matrices from N(0, 0.02), the two
 * projections that feed the residual stream scaled by {@code 1/sqrt(2 L)}, LayerNorm weights 1,
 * biases 0. Each tensor draws from its own stream split off the seed in layout order, so the
 * values do not depend on anything but the seed and the shape.
 */
public final class Initializer {
  private static final double STD = 0.02;

  private Initializer() {}

  public static float[] initialise(GptConfig config, long seed) {
    ParameterLayout layout = ParameterLayout.of(config);
    float[] p = new float[layout.size()];
    SplittableRandom root = new SplittableRandom(seed);
    double residualStd = STD / Math.sqrt(2.0 * config.nLayer());
    for (ParameterLayout.Tensor t : layout.tensors()) {
      SplittableRandom r = root.split();
      String n = t.name();
      if (n.endsWith(".bias")) {
        continue;
      }
      if (n.startsWith("ln") || n.contains(".ln_")) {
        java.util.Arrays.fill(p, t.offset(), t.offset() + t.size(), 1f);
        continue;
      }
      double std = n.endsWith("c_proj.weight") ? residualStd : STD;
      for (int i = 0; i < t.size(); i += 2) {
        // Box-Muller: two normals from two uniforms; exact and reproducible in Java.
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        double rad = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        p[t.offset() + i] = (float) (std * rad * StrictMath.cos(2 * Math.PI * u2));
        if (i + 1 < t.size()) {
          p[t.offset() + i + 1] = (float) (std * rad * StrictMath.sin(2 * Math.PI * u2));
        }
      }
    }
    return p;
  }
}
