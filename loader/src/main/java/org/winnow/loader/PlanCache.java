package org.winnow.loader;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.winnow.loader.plan.ChunkTable;
import org.winnow.loader.plan.EpochPlan;
import org.winnow.loader.plan.ShuffleSpec;

/** The last few epochs' plans of one dataset, drawn on demand. Packing thread only. */
final class PlanCache implements IntFunction<EpochPlan> {
  private static final int KEEP = 4;

  private final ChunkTable table;
  private final ShuffleSpec shuffle;
  private final long seed;
  private final Map<Integer, EpochPlan> plans = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, EpochPlan> eldest) {
      return size() > KEEP;
    }
  };

  PlanCache(ChunkTable table, ShuffleSpec shuffle, long seed) {
    this.table = table;
    this.shuffle = shuffle;
    this.seed = seed;
  }

  @Override
  public EpochPlan apply(int epoch) {
    return plans.computeIfAbsent(epoch, e -> EpochPlan.of(table, shuffle, seed, e));
  }
}
