package org.winnow.dedup.lsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.winnow.dedup.minhash.MinHashParams;

class SCurveTest {
  @Test
  void knownPoints() {
    assertEquals(0.0, SCurve.candidateProbability(0, 14, 8), 1e-12);
    assertEquals(1.0, SCurve.candidateProbability(1, 14, 8), 1e-12);
    // 1 - (1 - 0.8^8)^14
    assertEquals(1 - Math.pow(1 - Math.pow(0.8, 8), 14), SCurve.candidateProbability(0.8, 14, 8), 1e-12);
    assertEquals(0.719, SCurve.threshold(14, 8), 0.001);
  }

  @Test
  void monotone() {
    double last = -1;
    for (int i = 0; i <= 100; i++) {
      double p = SCurve.candidateProbability(i / 100.0, 14, 8);
      assertTrue(p >= last);
      last = p;
    }
  }

  @Test
  void tableHasElevenRowsAndRejectsBadSimilarity() {
    String t = SCurve.table(MinHashParams.defaults());
    assertTrue(t.contains("14 bands x 8 rows"), t);
    assertTrue(t.contains("    0.7"), t);
    assertThrows(IllegalArgumentException.class, () -> SCurve.candidateProbability(1.5, 14, 8));
  }
}
