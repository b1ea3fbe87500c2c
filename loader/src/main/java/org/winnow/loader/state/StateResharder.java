package org.winnow.loader.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The arithmetic behind {@link LoaderState#reshard}. */
final class StateResharder {
  private StateResharder() {}

  static List<LoaderState> reshard(List<LoaderState> given, int newWorld) {
    if (newWorld <= 0) {
      throw new IllegalArgumentException("new world size must be positive: " + newWorld);
    }
    if (given.isEmpty()) {
      throw new IllegalArgumentException("no rank states to reshard");
    }
    List<LoaderState> ranks = new ArrayList<>(given);
    ranks.sort(Comparator.comparingInt(LoaderState::rank));
    LoaderState first = ranks.get(0);
    int world = first.worldSize();
    if (ranks.size() != world) {
      throw new IllegalArgumentException("world size " + world + " but " + ranks.size()
          + " rank states given");
    }
    for (int r = 0; r < world; r++) {
      LoaderState s = ranks.get(r);
      if (s.rank() != r) {
        throw new IllegalArgumentException("rank states must cover ranks 0.." + (world - 1)
            + " once each; rank " + r + " is missing");
      }
      if (s.worldSize() != world || s.seed() != first.seed() || !s.shuffle().equals(first.shuffle())
          || s.samples() != first.samples() || s.batches() != first.batches()
          || s.components().size() != first.components().size()) {
        throw new IllegalArgumentException("rank " + r + "'s state is not from the same run and "
            + "step as rank 0's (world size, seed, shuffle, samples or datasets differ)");
      }
    }
    int components = first.components().size();
    List<List<ComponentState>> perNewRank = new ArrayList<>();
    for (int r = 0; r < newWorld; r++) {
      perNewRank.add(new ArrayList<>());
    }
    for (int c = 0; c < components; c++) {
      List<ComponentState> cs = new ArrayList<>();
      for (LoaderState s : ranks) {
        cs.add(s.components().get(c));
      }
      List<ComponentState> split = reshardComponent(cs, world, newWorld);
      for (int r = 0; r < newWorld; r++) {
        perNewRank.get(r).add(split.get(r));
      }
    }
    List<LoaderState> out = new ArrayList<>();
    for (int r = 0; r < newWorld; r++) {
      out.add(new LoaderState(LoaderState.VERSION, first.seed(), r, newWorld, first.batches(),
          first.samples(), first.shuffle(), perNewRank.get(r)));
    }
    return out;
  }

  private static List<ComponentState> reshardComponent(List<ComponentState> cs, int world,
      int newWorld) {
    ComponentState head = cs.get(0);
    long documents = head.documents();
    int lo = Integer.MAX_VALUE;
    int hi = -1;
    Map<String, Long> sources = new LinkedHashMap<>();
    for (ComponentState c : cs) {
      if (!c.name().equals(head.name()) || c.documents() != documents
          || c.samples() != head.samples()) {
        throw new IllegalArgumentException("dataset " + head.name() + " differs between ranks: "
            + c.name() + " with " + c.documents() + " documents and " + c.samples() + " samples");
      }
      lo = Math.min(lo, c.epoch());
      hi = Math.max(hi, c.nextEpoch() - 1);
      c.sourceTokens().forEach((k, v) -> sources.merge(k, v, Long::sum));
    }
    List<List<Segment>> pending = new ArrayList<>();
    for (int r = 0; r < newWorld; r++) {
      pending.add(new ArrayList<>());
    }
    for (int e = lo; e <= hi; e++) {
      List<Segment> remaining = new ArrayList<>();
      for (int r = 0; r < world; r++) {
        ComponentState c = cs.get(r);
        if (e < c.nextEpoch()) {
          for (Segment s : c.pending()) {
            if (s.epoch() == e) {
              remaining.add(s);
            }
          }
        } else {
          long[] share = Segment.share(documents, r, world);
          if (share[1] > share[0]) {
            remaining.add(new Segment(e, share[0], share[1], 0));
          }
        }
      }
      distribute(remaining, pending);
    }
    int nextEpoch = Math.max(hi + 1, lo);
    List<ComponentState> out = new ArrayList<>();
    for (int r = 0; r < newWorld; r++) {
      out.add(new ComponentState(head.name(), documents, head.samples(), nextEpoch,
          pending.get(r), r == 0 ? sources : Map.of()));
    }
    return out;
  }

  /** Appends to each new rank its contiguous share of {@code remaining}, by document count. */
  private static void distribute(List<Segment> remaining, List<List<Segment>> pending) {
    long total = 0;
    for (Segment s : remaining) {
      total += s.documents();
    }
    int newWorld = pending.size();
    for (int r = 0; r < newWorld; r++) {
      long[] share = Segment.share(total, r, newWorld);
      long pos = 0;
      for (Segment s : remaining) {
        long from = Math.max(share[0], pos);
        long to = Math.min(share[1], pos + s.documents());
        if (from < to) {
          long skip = from - pos;
          pending.get(r).add(new Segment(s.epoch(), s.start() + skip, s.start() + (to - pos),
              skip == 0 ? s.offset() : 0));
        }
        pos += s.documents();
      }
    }
  }
}
