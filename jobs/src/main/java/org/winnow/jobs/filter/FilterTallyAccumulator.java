package org.winnow.jobs.filter;

import java.io.Serial;
import org.apache.spark.SparkContext;
import org.apache.spark.util.AccumulatorV2;

/**
 * Collects every task's {@link FilterTally} on the driver in the same pass that writes the kept
 * documents, so the ledger needs no second look at the data.
 *
 * <p>The values are exact, not estimates: the job is one result stage (the kept rows go to the
 * Parquet writer with no shuffle), and Spark merges a result task's accumulator updates once per
 * partition, from the attempt that succeeded ({@code DAGScheduler}: "Only update the accumulator
 * once for each result task"); failed attempts' updates are dropped. A task adds its tally once,
 * when its input is exhausted. The footer checks after the write are the safety net.
 *
 * <p>Registered without a name: Spark reports named accumulators' values to its listeners (the
 * status store calls {@code toString} on them) while the scheduler is still merging into them.
 */
final class FilterTallyAccumulator extends AccumulatorV2<FilterTally, FilterTally> {
  @Serial private static final long serialVersionUID = 1L;

  private final String stage;
  private FilterTally tally;

  private FilterTallyAccumulator(String stage) {
    this.stage = stage;
    this.tally = new FilterTally(stage);
  }

  /** A zero accumulator for {@code stage}, registered with {@code sc}. */
  static FilterTallyAccumulator register(SparkContext sc, String stage) {
    FilterTallyAccumulator acc = new FilterTallyAccumulator(stage);
    sc.register(acc);
    return acc;
  }

  // Synchronized: an executor's heartbeat thread may look at a running task's copy.
  @Override
  public synchronized boolean isZero() {
    return tally.isEmpty();
  }

  @Override
  public synchronized AccumulatorV2<FilterTally, FilterTally> copy() {
    FilterTallyAccumulator c = new FilterTallyAccumulator(stage);
    c.tally.merge(tally);
    return c;
  }

  @Override
  public synchronized void reset() {
    tally = new FilterTally(stage);
  }

  @Override
  public synchronized void add(FilterTally v) {
    tally.merge(v);
  }

  @Override
  public synchronized void merge(AccumulatorV2<FilterTally, FilterTally> other) {
    tally.merge(other.value());
  }

  @Override
  public synchronized FilterTally value() {
    return tally;
  }
}
