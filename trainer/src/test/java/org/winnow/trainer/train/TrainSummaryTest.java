package org.winnow.trainer.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.winnow.trainer.model.GptConfig;

class TrainSummaryTest {
  private static final GptConfig TINY = GptConfig.preset("tiny", 8192);

  @Test
  void aRunThatStepsShowsItsLossAndRate() {
    String s = new TrainSummary(TINY, "cpu", 32, 32, 65_536, 9.1f, 7.9f, 2_000, 6.5e10,
        Optional.empty()).render(0, "");
    assertTrue(s.contains("train loss   9.1000 -> 7.9000"), s);
    assertTrue(s.contains("2,000 tokens/s"), s);
  }

  @Test
  void aResumeAtTheLastStepSaysNoStepRanInsteadOfNaN() {
    String s = new TrainSummary(TINY, "cpu", 32, 32, 65_536, Float.NaN, Float.NaN, 0, 0,
        Optional.empty()).render(1e12, "peak");
    assertTrue(s.contains("no step ran in this process"), s);
    assertFalse(s.contains("NaN"), s);
    assertFalse(s.contains("MFU"), s);
  }
}
