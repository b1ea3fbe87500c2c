package org.winnow.filter.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryEvaluationTest {
  /** AUROC by definition: over all positive-negative pairs, wins plus half the ties. */
  private static double bruteForce(double[] s, boolean[] y) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        if (y[i] && !y[j]) {
          pairs++;
          wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    return wins / pairs;
  }

  @Test
  void aurocMatchesThePairwiseDefinition() {
    SplittableRandom r = new SplittableRandom(11);
    for (int t = 0; t < 200; t++) {
      int n = 2 + r.nextInt(300);
      double[] s = new double[n];
      boolean[] y = new boolean[n];
      for (int i = 0; i < n; i++) {
        // Coarse scores, so that ties are common.
        s[i] = r.nextInt(t % 2 == 0 ? 5 : 1000) / 10.0;
        y[i] = i < 2 ? i == 0 : r.nextBoolean();
      }
      assertEquals(bruteForce(s, y), BinaryEvaluation.of(s, y).auroc(), 1e-12, "trial " + t);
    }
  }

  @Test
  void accuracyAndTopFraction() {
    double[] s = {0.9, 0.8, 0.4, 0.3, 0.6};
    boolean[] y = {true, true, false, true, false};
    BinaryEvaluation e = BinaryEvaluation.of(s, y);
    assertEquals(3, e.positives());
    assertEquals(3 / 5.0, e.accuracy(), 1e-12); // 0.9, 0.8 right; 0.3, 0.6 wrong; 0.4 right
    assertEquals(0.9, BinaryEvaluation.thresholdForTop(s, 0.2));
    assertEquals(0.8, BinaryEvaluation.thresholdForTop(s, 0.4));
    assertEquals(0.3, BinaryEvaluation.thresholdForTop(s, 1.0));
    assertThrows(IllegalArgumentException.class,
        () -> BinaryEvaluation.of(new double[] {1}, new boolean[] {true}));
  }
}
