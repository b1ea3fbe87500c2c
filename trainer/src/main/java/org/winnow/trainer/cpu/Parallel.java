package org.winnow.trainer.cpu;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of worker threads that split a range statically. Every kernel gives each output
 * element to exactly one worker and sums in a fixed order, so results are bitwise the same
 * whatever the thread count and scheduling.
 */
public final class Parallel implements AutoCloseable {
  /** A body run on {@code [from, to)} by worker {@code worker}. */
  @FunctionalInterface
  public interface Range {
    void run(int from, int to, int worker);
  }

  private final int threads;
  private final ExecutorService pool;
  private final Future<?>[] pending;

  public Parallel(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
      Thread t = new Thread(r, "trainer-cpu-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.pending = new Future<?>[threads];
  }

  public int threads() {
    return threads;
  }

  /** Runs {@code body} over {@code [0, n)} in {@link #threads()} contiguous parts; waits. */
  public void forRange(int n, Range body) {
    int parts = Math.min(threads, n);
    if (parts <= 1) {
      if (n > 0) {
        body.run(0, n, 0);
      }
      return;
    }
    for (int w = 1; w < parts; w++) {
      int from = (int) ((long) n * w / parts);
      int to = (int) ((long) n * (w + 1) / parts);
      int worker = w;
      pending[w] = pool.submit(() -> body.run(from, to, worker));
    }
    RuntimeException failure = null;
    try {
      body.run(0, (int) ((long) n / parts), 0);
    } catch (RuntimeException e) {
      failure = e;
    }
    for (int w = 1; w < parts; w++) {
      try {
        pending[w].get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted in a CPU kernel", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (failure == null) {
          Throwable c = e.getCause();
          failure = c instanceof RuntimeException ? (RuntimeException) c
              : new IllegalStateException(c);
        }
      }
      pending[w] = null;
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
