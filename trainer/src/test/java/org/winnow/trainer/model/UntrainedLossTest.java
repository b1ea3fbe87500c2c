package org.winnow.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.winnow.trainer.cpu.CpuGpt;
import org.winnow.trainer.cpu.Parallel;

/** An untrained model guesses uniformly: its loss is ln(vocab) within 0.1. */
class UntrainedLossTest {
  @ParameterizedTest
  @CsvSource({"tiny, 50257", "tiny, 8192", "small, 50257"})
  void untrainedLossIsLnVocab(String preset, int vocab) {
    GptConfig config = GptConfig.preset(preset, vocab);
    float[] p = Initializer.initialise(config, 42);
    int b = 1;
    int t = 64;
    SplittableRandom r = new SplittableRandom(1);
    int[] in = new int[b * t];
    int[] target = new int[b * t];
    for (int i = 0; i < in.length; i++) {
      in[i] = r.nextInt(vocab);
      target[i] = r.nextInt(vocab);
    }
    try (Parallel par = new Parallel(2)) {
      float loss = new CpuGpt(config, p, b, t, par).forward(in, target);
      assertEquals(Math.log(vocab), loss, 0.1, "untrained loss of " + config);
    }
  }

  @Test
  void initialisationIsAFunctionOfTheSeed() {
    GptConfig config = new GptConfig(2, 2, 32, 16, 100);
    assertArrayEquals(Initializer.initialise(config, 3), Initializer.initialise(config, 3));
    float[] a = Initializer.initialise(config, 3);
    float[] b = Initializer.initialise(config, 4);
    assertEquals(false, java.util.Arrays.equals(a, b));
    assertEquals(128, config.paddedVocab());
  }

  @Test
  void presetsHaveTheIssuesShapes() {
    assertEquals(new GptConfig(4, 4, 256, 256, 50257), GptConfig.preset("tiny", 50257));
    assertEquals(new GptConfig(6, 6, 384, 256, 50257), GptConfig.preset("small", 50257));
    assertEquals(new GptConfig(12, 12, 768, 1024, 50257), GptConfig.preset("gpt2-124m", 50257));
    assertEquals(50304, GptConfig.preset("tiny", 50257).paddedVocab());
    // GPT-2 124M with the padded vocabulary has 124,475,904 parameters (llm.c's count).
    assertEquals(124_475_904L, GptConfig.preset("gpt2-124m", 50257).parameterCount());
    assertThrows(IllegalArgumentException.class, () -> GptConfig.preset("huge", 100));
    assertThrows(IllegalArgumentException.class, () -> new GptConfig(2, 3, 32, 16, 100));
  }
}
