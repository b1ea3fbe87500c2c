package org.winnow.dedup.lsh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.winnow.dedup.minhash.MinHashParams;
import org.winnow.dedup.minhash.MinHasher;

class BandHashesTest {
  @Test
  void oneChangedValueChangesExactlyOneBand() {
    MinHashParams p = MinHashParams.defaults();
    long[] sig = new MinHasher(p).signature("a b c d e f g h i j k l m n o p");
    long[] bands = BandHashes.of(sig, p);
    assertEquals(14, bands.length);
    assertArrayEquals(bands, BandHashes.of(sig.clone(), p));
    long[] changed = sig.clone();
    changed[20]++;
    long[] other = BandHashes.of(changed, p);
    int differ = 0;
    for (int i = 0; i < bands.length; i++) {
      differ += bands[i] != other[i] ? 1 : 0;
    }
    assertEquals(1, differ);
  }

  @Test
  void sameRowsInDifferentBandsGiveDifferentKeys() {
    MinHashParams p = new MinHashParams(5, 2, 2, 1);
    long[] bands = BandHashes.of(new long[] {1, 2, 1, 2}, p);
    assertEquals(2, bands.length);
    assertEquals(false, bands[0] == bands[1]);
    assertThrows(IllegalArgumentException.class, () -> BandHashes.of(new long[3], p));
  }
}
