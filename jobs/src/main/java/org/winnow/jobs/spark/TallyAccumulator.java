package org.winnow.jobs.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.util.AccumulatorV2;

/**
 * Collects every task's {@link Tally} on the driver in the same pass that writes a job's output,
 * so its ledger needs no second look at the data.
 *
 * <p>The values are exact, not estimates, in a job of one result stage (the output rows go to
 * the writer with no shuffle): Spark merges a result task's accumulator updates once per
 * partition, from the attempt that succeeded ({@code DAGScheduler}: "Only update the accumulator
 * once for each result task"); failed attempts' updates are dropped. A task adds its tally once,
 * when its input is exhausted. The jobs' footer checks after the write are the safety net.
 *
 * <p>Registered without a name: Spark reports named accumulators' values to its listeners (the
 * status store calls {@code toString} on them) while the scheduler is still merging into them.
 *
 * @param <T> the tally
 */
public final class TallyAccumulator<T extends Tally<T>> extends AccumulatorV2<T, T> {
  @Serial private static final long serialVersionUID = 1L;

  /** Makes an empty tally; serializable, as the accumulator travels to the executors. */
  public interface Zero<T> extends Supplier<T>, Serializable {}

  private final Zero<T> zero;
  private T tally;

  private TallyAccumulator(Zero<T> zero) {
    this.zero = zero;
    this.tally = zero.get();
  }

  /** An accumulator starting from {@code zero}'s tally, registered with {@code sc}. */
  public static <T extends Tally<T>> TallyAccumulator<T> register(SparkContext sc, Zero<T> zero) {
    TallyAccumulator<T> acc = new TallyAccumulator<>(zero);
    sc.register(acc);
    return acc;
  }

  // Synchronized: an executor's heartbeat thread may look at a running task's copy.
  @Override
  public synchronized boolean isZero() {
    return tally.isEmpty();
  }

  @Override
  public synchronized AccumulatorV2<T, T> copy() {
    TallyAccumulator<T> c = new TallyAccumulator<>(zero);
    c.tally.merge(tally);
    return c;
  }

  @Override
  public synchronized void reset() {
    tally = zero.get();
  }

  @Override
  public synchronized void add(T v) {
    tally.merge(v);
  }

  @Override
  public synchronized void merge(AccumulatorV2<T, T> other) {
    tally.merge(other.value());
  }

  @Override
  public synchronized T value() {
    return tally;
  }
}
