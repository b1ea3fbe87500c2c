package org.winnow.loader.usage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.loader.Batch;
import org.winnow.loader.DatasetSpec;
import org.winnow.loader.TokenLoader;
import org.winnow.loader.plan.ShuffleSpec;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.state.LoaderState;
import org.winnow.loader.testing.Batches;
import org.winnow.loader.testing.ShardFixture;

/** N batches, save, rebuild, M more: identical to N + M straight, across epochs and mixtures. */
class ResumeTest {
  @TempDir static Path tmp;
  static ShardFixture.Written small;
  static ShardFixture.Written tiny;

  @BeforeAll
  static void write() throws Exception {
    small = ShardFixture.write(tmp.resolve("small"), 3, ShardFixture.randomLayout(3, 6, 3, 12, 1),
        1, 60, List.of("wiki", "news"), 0, true, ShardWriterOptions.DEFAULTS);
    tiny = ShardFixture.write(tmp.resolve("tiny"), 4, new int[][] {{3, 2}, {}, {4}}, 1, 30,
        List.of("forum"), 1 << 16, false, ShardWriterOptions.DEFAULTS);
  }

  private static TokenLoader.Builder mixture() {
    return TokenLoader.builder()
        .dataset(DatasetSpec.of("small", small.root().toString()).withWeight(0.7))
        .dataset(DatasetSpec.of("tiny", tiny.root().toString()).withWeight(0.3))
        .tokenizerSha256(ShardFixture.SHA)
        .batchSize(3).seqLen(17).seed(5).documentStarts(true)
        .shuffle(new ShuffleSpec(true, 200, 2))
        .readAheadTokens(150);
  }

  @Test
  void resumedLoaderContinuesExactlyAcrossEpochsAndMixtures() {
    int total = 160;
    List<int[][]> straight = new ArrayList<>();
    List<List<int[]>> starts = new ArrayList<>();
    List<String> states = new ArrayList<>();
    try (TokenLoader l = mixture().build()) {
      states.add(l.state().toJson());
      for (int i = 0; i < total; i++) {
        Batch b = l.next();
        straight.add(Batches.rows(b));
        starts.add(documentStarts(b));
        states.add(l.state().toJson());
      }
      assertTrue(l.state().components().get(1).epoch() >= 3,
          "the test should cross several epochs of the tiny dataset");
    }
    for (int n : new int[] {0, 1, 2, 29, 57, 100, 159}) {
      LoaderState s = LoaderState.fromJson(states.get(n));
      assertEquals(n, s.batches());
      try (TokenLoader l = mixture().resumeFrom(s).build()) {
        for (int i = n; i < total; i++) {
          Batch b = l.next();
          assertEquals(i, b.index());
          int[][] rows = Batches.rows(b);
          for (int r = 0; r < rows.length; r++) {
            assertArrayEquals(straight.get(i)[r], rows[r], "resumed at " + n + ", batch " + i);
            assertArrayEquals(starts.get(i).get(r), b.documentStarts(r),
                "document starts, resumed at " + n + ", batch " + i);
          }
          assertEquals(states.get(i + 1), l.state().toJson(), "state after batch " + i);
        }
      }
    }
  }

  @Test
  void directBuffersDeliverTheSameBatches() {
    try (TokenLoader heap = mixture().build();
        TokenLoader direct = mixture().directBuffers(true).build()) {
      for (int i = 0; i < 40; i++) {
        Batch h = heap.next();
        Batch d = direct.next();
        assertTrue(d.isDirect() && d.tokens().isDirect());
        int[][] hr = Batches.rows(h);
        int[][] dr = Batches.rows(d);
        for (int r = 0; r < hr.length; r++) {
          assertArrayEquals(hr[r], dr[r]);
        }
      }
    }
  }

  @Test
  void documentStartsMarkWhereDocumentsBegin() {
    try (TokenLoader l = mixture().build()) {
      for (int i = 0; i < 30; i++) {
        Batch b = l.next();
        for (int r = 0; r < b.batchSize(); r++) {
          int[] starts = b.documentStarts(r);
          for (int t = 0; t < b.seqLen(); t++) {
            boolean begins = (b.input(r, t) & 1023) == 0;
            assertEquals(begins, java.util.Arrays.binarySearch(starts, t) >= 0,
                "batch " + i + " row " + r + " position " + t);
          }
        }
      }
    }
  }

  @Test
  void stateFromAnotherConfigurationIsRefused() {
    LoaderState s;
    try (TokenLoader l = mixture().build()) {
      l.next();
      s = l.state();
    }
    IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
        () -> mixture().seed(6).resumeFrom(s).build());
    assertTrue(seed.getMessage().contains("seed 5"), seed.getMessage());
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
        () -> mixture().rank(1, 2).resumeFrom(s).build());
    assertTrue(rank.getMessage().contains("reshard"), rank.getMessage());
  }

  private static List<int[]> documentStarts(Batch b) {
    List<int[]> out = new ArrayList<>();
    for (int r = 0; r < b.batchSize(); r++) {
      out.add(b.documentStarts(r));
    }
    return out;
  }
}
