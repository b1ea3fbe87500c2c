package org.winnow.jobs.report;

import java.time.Duration;
import java.util.Locale;

/** Formatting of counts, sizes, rates and durations for progress lines and summary tables. */
public final class Units {
  private static final double MB = 1024.0 * 1024.0;

  private Units() {}

  /** {@code 12,345}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Megabytes with one decimal: {@code 120.3 MB}. */
  public static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / MB);
  }

  public static double toMb(long bytes) {
    return bytes / MB;
  }

  /** A rate with a sensible number of digits: {@code 1,234/s}, {@code 12.3/s}, {@code 0.42/s}. */
  public static String decimal(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return "-";
    }
    double a = Math.abs(x);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", x);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", x);
    }
    return String.format(Locale.ROOT, "%.2f", x);
  }

  /** {@code 0:42}, {@code 12:03}, {@code 1:02:03}. */
  public static String clock(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Seconds with one decimal: {@code 42.1 s}. */
  public static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }

  /** A percentage of {@code part} in {@code whole} with one decimal, or "-" when whole is 0. */
  public static String percent(long part, long whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
