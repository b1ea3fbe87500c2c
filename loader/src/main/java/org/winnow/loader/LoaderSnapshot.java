package org.winnow.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.winnow.loader.plan.ShuffleSpec;
import org.winnow.loader.state.ComponentState;
import org.winnow.loader.state.LoaderState;
import org.winnow.loader.state.Segment;

/**
 * The packer's position after one batch, kept compact because one is taken per batch; turned
 * into a {@link LoaderState} only when asked for.
 */
final class LoaderSnapshot {
  /** One dataset's position. */
  record Component(String name, long documents, long samples, int nextEpoch,
      List<Segment> pending, String[] sources, long[] sourceTokens) {}

  private final long batches;
  private final long samples;
  private final Component[] components;
  private LoaderState state;

  LoaderSnapshot(long batches, long samples, Component[] components) {
    this.batches = batches;
    this.samples = samples;
    this.components = components;
  }

  synchronized LoaderState toState(long seed, int rank, int worldSize, ShuffleSpec shuffle) {
    if (state == null) {
      List<ComponentState> cs = new ArrayList<>();
      for (Component c : components) {
        Map<String, Long> tokens = new LinkedHashMap<>();
        for (int i = 0; i < c.sourceTokens().length; i++) {
          tokens.put(c.sources()[i], c.sourceTokens()[i]);
        }
        cs.add(new ComponentState(c.name(), c.documents(), c.samples(), c.nextEpoch(),
            c.pending(), tokens));
      }
      state = new LoaderState(LoaderState.VERSION, seed, rank, worldSize, batches, samples,
          shuffle, cs);
    }
    return state;
  }
}
