package org.winnow.loader.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.loader.Batch;
import org.winnow.loader.DatasetSpec;
import org.winnow.loader.TokenLoader;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.state.ComponentState;
import org.winnow.loader.state.LoaderState;
import org.winnow.loader.testing.ShardFixture;

/** Datasets mixed by token share: every 1,000-batch window within 1%, counters exact. */
class MixtureTest {
  @TempDir static Path tmp;
  static ShardFixture.Written big;
  static ShardFixture.Written mid;
  static ShardFixture.Written small;
  static final double[] WEIGHTS = {0.5, 0.3, 0.2};

  @BeforeAll
  static void write() throws Exception {
    big = ShardFixture.write(tmp.resolve("big"), 1, ShardFixture.randomLayout(1, 8, 3, 40, 1),
        1, 200, List.of("web", "books"), 0, true, ShardWriterOptions.DEFAULTS);
    mid = ShardFixture.write(tmp.resolve("mid"), 2, ShardFixture.randomLayout(2, 4, 2, 30, 0),
        1, 120, List.of("code"), 1 << 15, true, ShardWriterOptions.DEFAULTS);
    small = ShardFixture.write(tmp.resolve("small"), 3, new int[][] {{5}, {3, 4}}, 1, 50,
        List.of("europarl", "jrc"), 1 << 16, false, ShardWriterOptions.DEFAULTS);
  }

  private static TokenLoader.Builder builder() {
    return TokenLoader.builder()
        .dataset(DatasetSpec.of("big", big.root().toString()).withWeight(WEIGHTS[0] * 10))
        .dataset(DatasetSpec.of("mid", mid.root().toString()).withWeight(WEIGHTS[1] * 10))
        .dataset(DatasetSpec.of("small", small.root().toString()).withWeight(WEIGHTS[2] * 10))
        .tokenizerSha256(ShardFixture.SHA)
        .batchSize(4).seqLen(16).seed(11);
  }

  @Test
  void everyThousandBatchWindowIsWithinOnePercentAndCountersMatch() {
    int batches = 3000;
    int[][] perBatch = new int[batches][3];
    Map<String, Map<String, Long>> counted = new HashMap<>();
    Map<Integer, String> sourceOf = new HashMap<>();
    List<ShardFixture.Written> sets = List.of(big, mid, small);
    for (ShardFixture.Written w : sets) {
      for (ShardFixture.Doc d : w.docs()) {
        sourceOf.put(d.serial(), d.source());
      }
    }
    LoaderState state;
    try (TokenLoader l = builder().build()) {
      for (int i = 0; i < batches; i++) {
        Batch b = l.next();
        for (int r = 0; r < b.batchSize(); r++) {
          int c = b.component(r);
          perBatch[i][c]++;
          String name = List.of("big", "mid", "small").get(c);
          for (int t = 0; t < b.seqLen(); t++) {
            String source = sourceOf.get(ShardFixture.serialOf(b.input(r, t)));
            counted.computeIfAbsent(name, k -> new HashMap<>()).merge(source, 1L, Long::sum);
          }
        }
      }
      state = l.state();
    }
    for (int start = 0; start + 1000 <= batches; start++) {
      int[] sum = new int[3];
      for (int i = start; i < start + 1000; i++) {
        for (int c = 0; c < 3; c++) {
          sum[c] += perBatch[i][c];
        }
      }
      for (int c = 0; c < 3; c++) {
        double share = sum[c] / 4000.0;
        assertTrue(Math.abs(share - WEIGHTS[c]) <= 0.01,
            "window from batch " + start + ": dataset " + c + " has share " + share);
      }
    }
    assertTrue(state.components().get(2).epoch() > 5, "the small dataset should be upsampled");
    for (ComponentState c : state.components()) {
      assertEquals(counted.get(c.name()), c.sourceTokens(), "token counters of " + c.name());
      assertEquals(c.samples() * 16, c.tokens());
    }
  }

  @Test
  void aDatasetWithAnEpochLimitEndsTheStream() {
    TokenLoader.Builder b = TokenLoader.builder()
        .dataset(DatasetSpec.of("big", big.root().toString()).withWeight(1))
        .dataset(DatasetSpec.of("small", small.root().toString()).withWeight(1).withMaxEpochs(2))
        .tokenizerSha256(ShardFixture.SHA).batchSize(2).seqLen(8).seed(3);
    long rowsFromSmall = 0;
    try (TokenLoader l = b.build()) {
      while (l.hasNext()) {
        Batch batch = l.next();
        for (int r = 0; r < 2; r++) {
          rowsFromSmall += batch.component(r);
        }
      }
      assertFalse(l.hasNext());
    }
    long rowsPossible = (2 * small.tokens() - 1) / 8;
    assertTrue(rowsFromSmall <= rowsPossible && rowsFromSmall >= rowsPossible - 2,
        rowsFromSmall + " rows from the limited dataset, " + rowsPossible + " possible");
  }
}
