package org.winnow.loader.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.winnow.loader.plan.ShuffleSpec;

/** The state's JSON form, and resharding that keeps every epoch's remaining documents once. */
class LoaderStateTest {
  private static LoaderState state(int rank, int world, List<ComponentState> cs) {
    return new LoaderState(LoaderState.VERSION, 7, rank, world, 10, 40, ShuffleSpec.DEFAULT, cs);
  }

  @Test
  void jsonRoundTripsAndToleratesUnknownKeys() {
    LoaderState s = state(1, 2, List.of(new ComponentState("web", 1000, 40, 4,
        List.of(new Segment(3, 600, 1000, 17)), Map.of("cc", 123L, "wiki", 5L))));
    String json = s.toJson();
    assertEquals(s, LoaderState.fromJson(json));
    assertTrue(json.contains("\"epoch\":3"), json);
    String extended = json.replaceFirst("\\{", "{\"written_by\":\"a newer loader\",");
    assertEquals(s, LoaderState.fromJson(extended));
  }

  @Test
  void invalidStatesAreRefusedWithTheReason() {
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
        () -> LoaderState.fromJson(state(0, 1, List.of(new ComponentState("w", 10, 0, 0,
            List.of(), Map.of()))).toJson().replace("\"version\":1", "\"version\":9")));
    assertTrue(v.getMessage().contains("version 9"), v.getMessage());
    IllegalArgumentException seg = assertThrows(IllegalArgumentException.class,
        () -> new ComponentState("w", 10, 0, 1, List.of(new Segment(2, 0, 5, 0)), Map.of()));
    assertTrue(seg.getMessage().contains("next_epoch 1"), seg.getMessage());
  }

  @Test
  void reshardKeepsEachRemainingDocumentOnceAcrossEpochs() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int trial = 0; trial < 300; trial++) {
      long docs = 8 + rnd.nextInt(500);
      int world = 1 + rnd.nextInt(8);
      int newWorld = 1 + rnd.nextInt(8);
      int base = rnd.nextInt(3);
      List<LoaderState> ranks = new ArrayList<>();
      // Per epoch, which documents some rank has already read.
      boolean[][] read = new boolean[base + 3][(int) docs];
      for (int r = 0; r < world; r++) {
        long[] share = Segment.share(docs, r, world);
        int epoch = base + rnd.nextInt(2);
        for (int e = 0; e < epoch; e++) {
          for (long d = share[0]; d < share[1]; d++) {
            read[e][(int) d] = true;
          }
        }
        List<Segment> pending = new ArrayList<>();
        long at = share[0] + (share[1] > share[0] ? rnd.nextLong(share[1] - share[0] + 1) : 0);
        for (long d = share[0]; d < at; d++) {
          read[epoch][(int) d] = true;
        }
        if (at < share[1]) {
          pending.add(new Segment(epoch, at, share[1], rnd.nextInt(3)));
        }
        ranks.add(state(r, world, List.of(new ComponentState("web", docs, 40, epoch + 1, pending,
            Map.of("cc", 10L)))));
      }
      List<LoaderState> out = LoaderState.reshard(ranks, newWorld);
      assertEquals(newWorld, out.size());
      int next = out.get(0).components().get(0).nextEpoch();
      for (int e = 0; e < next; e++) {
        int[] count = new int[(int) docs];
        for (LoaderState s : out) {
          for (Segment seg : s.components().get(0).pending()) {
            if (seg.epoch() == e) {
              for (long d = seg.start(); d < seg.end(); d++) {
                count[(int) d]++;
              }
            }
          }
        }
        for (int d = 0; d < docs; d++) {
          boolean before = e < read.length && read[e][d];
          assertEquals(before ? 0 : 1, count[d], "trial " + trial + " epoch " + e + " doc " + d);
        }
      }
      assertEquals(10L * world, out.get(0).components().get(0).sourceTokens().get("cc"));
    }
  }

  @Test
  void reshardRefusesStatesFromDifferentSteps() {
    List<LoaderState> ranks = List.of(
        state(0, 2, List.of(new ComponentState("web", 100, 40, 0, List.of(), Map.of()))),
        new LoaderState(LoaderState.VERSION, 7, 1, 2, 11, 44, ShuffleSpec.DEFAULT,
            List.of(new ComponentState("web", 100, 44, 0, List.of(), Map.of()))));
    assertThrows(IllegalArgumentException.class, () -> LoaderState.reshard(ranks, 3));
    assertThrows(IllegalArgumentException.class,
        () -> LoaderState.reshard(ranks.subList(0, 1), 3));
  }
}
