package org.winnow.trainer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.winnow.trainer.cpu.Parallel;
import org.winnow.trainer.model.GptConfig;
import org.winnow.trainer.model.ParameterLayout;

class AdamWTest {
  @Test
  void decaysMatricesOnlyAndMatchesTheUpdateRule() {
    GptConfig c = new GptConfig(1, 1, 4, 4, 8);
    ParameterLayout layout = ParameterLayout.of(c);
    float[] p = new float[layout.size()];
    java.util.Arrays.fill(p, 1f);
    float[] g = new float[p.length];
    AdamW adam = AdamW.standard(layout, 0.1f);
    try (Parallel par = new Parallel(2)) {
      adam.step(par, p, g, 0.5f, 1);
    }
    for (ParameterLayout.Tensor t : layout.tensors()) {
      float expected = t.matrix() ? 1f - 0.5f * 0.1f : 1f;
      assertEquals(expected, p[t.offset()], 1e-7, t.name());
    }
    // With a gradient, the first step moves by lr * sign(g) (bias-corrected m/sqrt(v) = +-1).
    java.util.Arrays.fill(p, 0f);
    java.util.Arrays.fill(g, -2f);
    AdamW fresh = AdamW.standard(layout, 0f);
    try (Parallel par = new Parallel(1)) {
      fresh.step(par, p, g, 0.01f, 1);
    }
    assertEquals(0.01f, p[0], 1e-6);
  }

  @Test
  void warmupThenCosine() {
    LrSchedule s = new LrSchedule(1.0, 0.1, 10, 110);
    assertEquals(0.1f, s.at(0), 1e-6);
    assertEquals(1.0f, s.at(9), 1e-6);
    assertEquals(1.0f, s.at(10), 1e-6);
    assertEquals(0.55f, s.at(60), 1e-6);
    assertEquals(0.1f, s.at(110), 1e-6);
    for (long i = 10; i < 110; i++) {
      assertTrue(s.at(i + 1) <= s.at(i));
    }
  }

  @Test
  void clipsByGlobalNorm() {
    float[] g = {3f, 4f};
    assertEquals(5.0, GradientClip.clip(g, 1.0), 1e-9);
    assertEquals(1.0, GradientClip.norm(g), 1e-5);
    float[] h = {0.3f, 0.4f};
    GradientClip.clip(h, 1.0);
    assertEquals(0.3f, h[0]);
  }
}
