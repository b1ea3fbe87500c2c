package org.winnow.jobs.spark;

import java.util.concurrent.ForkJoinPool;

/**
 * Sizes the JVM's common fork-join pool for a local-mode job. Lingua, which ingest uses for
 * language identification, fans every detection out over that pool, whose default size is one
 * worker less than the cores. With one Spark task per core all tasks queue on it: on two cores a
 * single worker served both tasks, and the job ran no faster than one thread. One worker per
 * core lets the tasks' detections run side by side (measured: 1.5 times the throughput of two
 * threads on the default pool, see BENCHMARKS.md).
 */
public final class CommonPool {
  /** The JVM's setting of the pool's size; read once, when the pool is first used. */
  public static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private CommonPool() {}

  /**
   * Asks for one worker per core unless the JVM was started with its own setting. Takes effect
   * only before anything in the JVM has used the pool, so {@code main} calls it first.
   *
   * @return the pool's parallelism from now on
   */
  public static int oneWorkerPerCore() {
    if (System.getProperty(PARALLELISM) == null) {
      System.setProperty(PARALLELISM, Integer.toString(Runtime.getRuntime().availableProcessors()));
    }
    return ForkJoinPool.getCommonPoolParallelism();
  }
}
