package org.winnow.jobs.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints a job's progress on stderr while it runs: records, records/s, how far through the input
 * it is and an ETA. On a terminal the line is redrawn every second; otherwise (a log file, CI) a
 * new line is printed every ten seconds.
 */
public final class ProgressReporter implements AutoCloseable {
  /** What {@code done} and {@code total} count. */
  public enum Unit {
    BYTES,
    DOCUMENTS
  }

  private static final double SMOOTHING = 0.3;

  private final String label;
  private final PrintWriter err;
  private final boolean redraw;
  private final LongSupplier records;
  private final LongSupplier done;
  private final long total;
  private final Unit unit;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;

  private long lastNanos = startNanos;
  private long lastRecords;
  private long lastDone;
  private double recordRate = Double.NaN;
  private double doneRate = Double.NaN;
  private boolean printed;

  private ProgressReporter(
      String label, PrintWriter err, LongSupplier records, LongSupplier done, long total, Unit unit) {
    this.label = label;
    this.err = err;
    this.redraw = System.console() != null;
    this.records = records;
    this.done = done;
    this.total = total;
    this.unit = unit;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "winnow-progress");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts printing.
   *
   * @param records records processed so far
   * @param done    progress so far, in {@code unit}s of {@code total}
   */
  public static ProgressReporter start(
      String label, PrintWriter err, LongSupplier records, LongSupplier done, long total, Unit unit) {
    ProgressReporter p = new ProgressReporter(label, err, records, done, total, unit);
    long period = p.redraw ? 1 : 10;
    p.timer.scheduleAtFixedRate(p::tick, period, period, TimeUnit.SECONDS);
    return p;
  }

  /** Stops printing and ends the redrawn line. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (printed && redraw) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }

  private synchronized void tick() {
    try {
      long now = System.nanoTime();
      long r = records.getAsLong();
      long d = Math.min(done.getAsLong(), total);
      double dt = (now - lastNanos) / 1e9;
      if (dt > 0) {
        recordRate = smooth(recordRate, (r - lastRecords) / dt);
        doneRate = smooth(doneRate, (d - lastDone) / dt);
      }
      lastNanos = now;
      lastRecords = r;
      lastDone = d;
      String line = format(r, d, Duration.ofNanos(now - startNanos));
      err.print(redraw ? "\r\033[K" + line : line + System.lineSeparator());
      err.flush();
      printed = true;
    } catch (RuntimeException e) {
      // A progress line is not worth failing a job for; the summary reports the real numbers.
      err.println(label + ": progress unavailable: " + e);
    }
  }

  private String format(long r, long d, Duration elapsed) {
    StringBuilder sb = new StringBuilder(label).append(": ");
    sb.append(Units.count(r)).append(" records");
    sb.append(", ").append(Units.decimal(recordRate)).append(" rec/s");
    if (unit == Unit.BYTES) {
      sb.append(", ").append(Units.mb(d)).append(" of ").append(Units.mb(total));
    } else {
      sb.append(", ").append(Units.count(d)).append(" of ").append(Units.count(total));
    }
    sb.append(" (").append(Units.percent(d, total)).append(")");
    sb.append(", ").append(Units.clock(elapsed)).append(" elapsed");
    if (doneRate > 0 && d < total) {
      sb.append(", ETA ").append(Units.clock(Duration.ofSeconds((long) ((total - d) / doneRate))));
    }
    return sb.toString();
  }

  private static double smooth(double previous, double sample) {
    return Double.isNaN(previous) ? sample : previous + SMOOTHING * (sample - previous);
  }
}
