package org.winnow.jobs.spark;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Sums the executor CPU time of every task a job runs, wherever the executors are: the cost
 * figures (CPU-seconds per input GB, documents per core-second) come from here. Spark delivers
 * listener events asynchronously, so {@link #cpuSeconds()} waits for the events in flight.
 */
public final class TaskCpuMeter extends SparkListener implements AutoCloseable {
  private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
  private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final SparkContext sc;
  private final LongAdder cpuNanos = new LongAdder();
  private final LongAdder started = new LongAdder();
  private final LongAdder ended = new LongAdder();
  private final AtomicLong lastEvent = new AtomicLong(System.nanoTime());

  private TaskCpuMeter(SparkContext sc) {
    this.sc = sc;
  }

  /** Starts measuring the tasks {@code sc} runs from now on. */
  public static TaskCpuMeter start(SparkContext sc) {
    TaskCpuMeter meter = new TaskCpuMeter(sc);
    sc.addSparkListener(meter);
    return meter;
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart e) {
    started.increment();
    lastEvent.set(System.nanoTime());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    TaskMetrics m = e.taskMetrics();
    if (m != null) {
      cpuNanos.add(m.executorCpuTime());
    }
    ended.increment();
    lastEvent.set(System.nanoTime());
  }

  /**
   * Executor CPU-seconds of the tasks seen so far, after the events of tasks already finished
   * have arrived (every started task has ended and the bus has been quiet for a moment, or at
   * most a few seconds).
   */
  public double cpuSeconds() {
    long deadline = System.nanoTime() + MAX_WAIT_NANOS;
    while (System.nanoTime() < deadline) {
      boolean settled = started.sum() == ended.sum()
          && System.nanoTime() - lastEvent.get() > QUIET_NANOS;
      if (settled) {
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return cpuNanos.sum() / 1e9;
  }

  @Override
  public void close() {
    sc.removeSparkListener(this);
  }
}
