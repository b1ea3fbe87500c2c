package org.winnow.loader.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Epoch orders: permutations, windows within budget, reshuffled per epoch, fixed by the seed. */
class EpochPlanTest {
  private static ChunkTable table(long seed, int shards) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> paths = new ArrayList<>();
    List<Chunk> chunks = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      paths.add("s" + s);
      int groups = rnd.nextInt(5);
      for (int g = 0; g < groups; g++) {
        int rows = 1 + rnd.nextInt(300);
        chunks.add(new Chunk(s, g, rows, rows * (1L + rnd.nextInt(500))));
      }
    }
    return new ChunkTable(paths, chunks);
  }

  @Test
  void everyEpochIsAPermutationWithWindowsWithinBudget() {
    ChunkTable t = table(1, 40);
    ShuffleSpec spec = new ShuffleSpec(true, 200_000, 5);
    for (int epoch = 0; epoch < 5; epoch++) {
      EpochPlan p = EpochPlan.of(t, spec, 77, epoch);
      long[] order = p.canonicalOrder();
      boolean[] seen = new boolean[order.length];
      for (long o : order) {
        assertFalse(seen[(int) o], "document " + o + " twice");
        seen[(int) o] = true;
      }
      assertEquals(t.documents(), order.length);
      for (int w = 0; w < p.windowCount(); w++) {
        PlannedWindow win = p.window(w);
        long tokens = 0;
        for (int s = 0; s < win.slots(); s++) {
          tokens += t.chunk(win.chunk(s)).tokens();
        }
        assertTrue(win.slots() <= 5);
        assertTrue(win.slots() == 1 || tokens <= 200_000, "window " + w + " holds " + tokens);
        assertEquals(p.windowStart(w + 1 < p.windowCount() ? w + 1 : w) - p.windowStart(w),
            w + 1 < p.windowCount() ? win.rows() : 0);
      }
    }
  }

  @Test
  void orderIsFixedBySeedAndEpochAndDiffersOtherwise() {
    ChunkTable t = table(2, 30);
    long[] a = EpochPlan.of(t, ShuffleSpec.DEFAULT, 5, 3).canonicalOrder();
    assertArrayEquals(a, EpochPlan.of(t, ShuffleSpec.DEFAULT, 5, 3).canonicalOrder());
    assertFalse(java.util.Arrays.equals(a, EpochPlan.of(t, ShuffleSpec.DEFAULT, 5, 4)
        .canonicalOrder()));
    assertFalse(java.util.Arrays.equals(a, EpochPlan.of(t, ShuffleSpec.DEFAULT, 6, 3)
        .canonicalOrder()));
  }

  @Test
  void shuffleOffIsCanonicalOrder() {
    ChunkTable t = table(3, 10);
    long[] order = EpochPlan.of(t, ShuffleSpec.OFF, 5, 2).canonicalOrder();
    for (int i = 0; i < order.length; i++) {
      assertEquals(i, order[i]);
    }
  }

  @Test
  void windowsMixShardsAndPositionsDecorrelate() {
    ChunkTable t = table(4, 200);
    EpochPlan p = EpochPlan.of(t, new ShuffleSpec(true, 2_000_000, 16), 9, 0);
    Set<Integer> shardsInFirstWindow = new HashSet<>();
    PlannedWindow w = p.window(0);
    for (int s = 0; s < w.slots(); s++) {
      shardsInFirstWindow.add(t.chunk(w.chunk(s)).shard());
    }
    assertTrue(shardsInFirstWindow.size() > 3, "window spans " + shardsInFirstWindow.size()
        + " shards");
    long[] order = p.canonicalOrder();
    double r = pearson(order);
    assertTrue(Math.abs(r) < 0.1, "position correlation " + r);
  }

  @Test
  void splitMixIsPinnedBitForBit() {
    // The reference implementation's first output for seed 0 (Vigna, splitmix64.c).
    assertEquals(0xE220A8397B1DCDAFL, new SplitMix64(0).nextLong());
    // Regression pin: a change here reorders every existing run's epochs.
    assertArrayEquals(new int[] {9, 5, 8, 6, 1, 2, 4, 7, 0, 3}, SplitMix64.permutation(10, 7));
  }

  static double pearson(long[] order) {
    int n = order.length;
    double mx = (n - 1) / 2.0;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (i - mx) * (order[i] - mx);
      sxx += (i - mx) * (i - mx);
    }
    return sxy / sxx;
  }
}
