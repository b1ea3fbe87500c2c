package org.winnow.loader.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
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
import org.winnow.loader.testing.ShardFixture;

/**
 * In one epoch every document is read by exactly one rank, for world sizes 1 to 8 over shards of
 * uneven sizes, some empty, and after resuming mid-epoch with a different world size.
 *
 * <p>Rows of two tokens ({@code seqLen} 1, one row per batch) make the check exact: a rank's
 * inputs are its whole stream but the last token, which is its last batch's target.
 */
class ExactlyOnceTest {
  @TempDir static Path tmp;
  static ShardFixture.Written footers;
  static ShardFixture.Written listed;

  @BeforeAll
  static void write() throws Exception {
    int[][] layout = ShardFixture.randomLayout(7, 11, 3, 25, 3);
    footers = ShardFixture.write(tmp.resolve("footers"), 1, layout, 1, 24, List.of("x", "y"), 0,
        false, ShardWriterOptions.DEFAULTS);
    listed = ShardFixture.write(tmp.resolve("listed"), 2, ShardFixture.randomLayout(8, 9, 4, 20, 2),
        1, 24, List.of("x"), 0, true, ShardWriterOptions.DEFAULTS);
  }

  private static TokenLoader.Builder loader(ShardFixture.Written w, int rank, int world) {
    return TokenLoader.builder()
        .dataset(DatasetSpec.of("web", w.root().toString()).withMaxEpochs(1))
        .tokenizerSha256(ShardFixture.SHA)
        .batchSize(1).seqLen(1).seed(99).rank(rank, world)
        .shuffle(new ShuffleSpec(true, 300, 3));
  }

  @Test
  void eachDocumentOnceForWorldSizesOneToEight() {
    for (ShardFixture.Written w : List.of(footers, listed)) {
      for (int world = 1; world <= 8; world++) {
        IntOpenHashSet seen = new IntOpenHashSet();
        for (int rank = 0; rank < world; rank++) {
          try (TokenLoader l = loader(w, rank, world).build()) {
            drain(l, seen, "world " + world + " rank " + rank);
          }
        }
        assertCoversAll(w, seen, "world " + world);
      }
    }
  }

  @Test
  void eachDocumentOnceAfterResumingWithAnotherWorldSize() {
    int[][] shapes = {{1, 3}, {3, 1}, {2, 5}, {8, 3}, {4, 7}, {5, 2}};
    for (int[] shape : shapes) {
      int world = shape[0];
      int newWorld = shape[1];
      String where = world + " -> " + newWorld + " ranks";
      IntOpenHashSet seen = new IntOpenHashSet();
      List<LoaderState> states = new ArrayList<>();
      int steps = (int) (footers.tokens() / world / 3);
      for (int rank = 0; rank < world; rank++) {
        try (TokenLoader l = loader(footers, rank, world).build()) {
          for (int s = 0; s < steps; s++) {
            Batch b = l.next();
            assertTrue(seen.add(b.input(0, 0)), where + ": token read twice");
          }
          states.add(LoaderState.fromJson(l.state().toJson()));
        }
      }
      List<LoaderState> resharded = LoaderState.reshard(states, newWorld);
      for (int rank = 0; rank < newWorld; rank++) {
        try (TokenLoader l = loader(footers, rank, newWorld).resumeFrom(resharded.get(rank))
            .build()) {
          drain(l, seen, where + " new rank " + rank);
        }
      }
      assertCoversAll(footers, seen, where);
    }
  }

  @Test
  void longerRowsNeverRepeatATokenAndLoseOnlyEachRanksTail() {
    for (int world = 1; world <= 8; world += 3) {
      IntOpenHashSet seen = new IntOpenHashSet();
      long lost = 0;
      for (int rank = 0; rank < world; rank++) {
        try (TokenLoader l = loader(listed, rank, world).batchSize(3).seqLen(13).build()) {
          while (l.hasNext()) {
            Batch b = l.next();
            for (int r = 0; r < 3; r++) {
              for (int t = 0; t < 13; t++) {
                assertTrue(seen.add(b.input(r, t)), "token read twice");
              }
            }
          }
        }
        lost += 3 * 13 + 1;
      }
      assertTrue(listed.tokens() - seen.size() <= lost, "more than each rank's tail is missing");
    }
  }

  private static void drain(TokenLoader l, IntOpenHashSet seen, String where) {
    Batch last = null;
    while (l.hasNext()) {
      last = l.next();
      assertTrue(seen.add(last.input(0, 0)), where + ": token " + last.input(0, 0)
          + " read twice");
    }
    if (last != null) {
      assertTrue(seen.add(last.target(0, 0)), where + ": final token read twice");
    }
  }

  private static void assertCoversAll(ShardFixture.Written w, IntOpenHashSet seen, String where) {
    assertEquals(w.tokens(), seen.size(), where + ": tokens read");
    for (ShardFixture.Doc d : w.docs()) {
      for (int t : d.tokens()) {
        assertTrue(seen.contains(t), where + ": token " + t + " of " + d.id() + " never read");
      }
    }
  }
}
