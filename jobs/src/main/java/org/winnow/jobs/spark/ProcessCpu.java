package org.winnow.jobs.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time of this whole JVM. In local mode the JVM is the executor, and its CPU time includes
 * what task CPU metrics miss: threads the libraries start themselves (Lingua computes on the
 * common fork-join pool), garbage collection and compilation.
 */
public final class ProcessCpu {
  private ProcessCpu() {}

  /** CPU-seconds used by this process so far, or NaN where the JVM does not say. */
  public static double seconds() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      long nanos = sun.getProcessCpuTime();
      return nanos < 0 ? Double.NaN : nanos / 1e9;
    }
    return Double.NaN;
  }
}
