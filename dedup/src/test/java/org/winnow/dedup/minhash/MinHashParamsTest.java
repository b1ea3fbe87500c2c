package org.winnow.dedup.minhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinHashParamsTest {
  @Test
  void defaultsAreFineWebs() {
    MinHashParams p = MinHashParams.defaults();
    assertEquals(5, p.ngram());
    assertEquals(14, p.bands());
    assertEquals(8, p.rows());
    assertEquals(112, p.hashes());
  }

  @Test
  void badValuesAreNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MinHashParams(0, 14, 8, 1));
    assertTrue(e.getMessage().contains("ngram must be >= 1, got 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MinHashParams(5, 0, 8, 1));
    assertThrows(IllegalArgumentException.class, () -> new MinHashParams(5, 14, -1, 1));
  }
}
