package org.winnow.trainer.gpu;

import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;

/**
 * Looks for a usable CUDA device through the driver API. JCuda's native library links only the
 * driver's {@code libcuda.so.1}; on a machine without it (or without a device) the probe returns
 * the reason instead of failing.
 */
public final class CudaProbe {
  private CudaProbe() {}

  public static DeviceProbe probe() {
    try {
      JCudaDriver.setExceptionsEnabled(true);
      JCudaDriver.cuInit(0);
      int[] count = new int[1];
      JCudaDriver.cuDeviceGetCount(count);
      if (count[0] == 0) {
        return DeviceProbe.none("the CUDA driver reports no device");
      }
      int[] version = new int[1];
      JCudaDriver.cuDriverGetVersion(version);
      CUdevice dev = new CUdevice();
      JCudaDriver.cuDeviceGet(dev, 0);
      byte[] name = new byte[256];
      JCudaDriver.cuDeviceGetName(name, name.length, dev);
      int[] major = new int[1];
      int[] minor = new int[1];
      JCudaDriver.cuDeviceGetAttribute(major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev);
      JCudaDriver.cuDeviceGetAttribute(minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev);
      int len = 0;
      while (len < name.length && name[len] != 0) {
        len++;
      }
      String desc = new String(name, 0, len, java.nio.charset.StandardCharsets.US_ASCII)
          + " (sm_" + major[0] + minor[0] + ", driver CUDA " + version[0] / 1000 + "."
          + (version[0] % 1000) / 10 + ")";
      return new DeviceProbe(Optional.of(desc), Optional.empty(), version[0], major[0], minor[0]);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return DeviceProbe.none(loadFailure(e));
    } catch (RuntimeException e) {
      return DeviceProbe.none("the CUDA driver failed to start: " + firstLine(e.getMessage()));
    }
  }

  /**
   * Why the driver library did not load, in one line: JCuda's message goes on to list the
   * operating system and both loading attempts' nested stack traces.
   */
  static String loadFailure(Throwable e) {
    return "no CUDA driver (libcuda.so.1) could be loaded: " + firstLine(e.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail given";
    }
    String trimmed = message.strip();
    int nl = trimmed.indexOf('\n');
    return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
  }

  /**
   * Why the kernels' PTX cannot run on {@code probe}'s device, or empty when it can: a driver
   * older than the PTX's CUDA version would otherwise fail deep inside the first launch with
   * error 222 (unsupported PTX version).
   */
  public static Optional<String> ptxProblem(DeviceProbe probe) {
    if (!probe.available()) {
      return probe.reason();
    }
    // Read from the PTX that CudaKernels loads, so a PTX rebuilt by another nvcc is judged by
    // what it needs, not by the version the committed one happened to need.
    int needed;
    try {
      needed = driverVersionFor(new String(CudaKernels.ptx(), StandardCharsets.US_ASCII));
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
    if (probe.driverVersion() < needed) {
      return Optional.of("the driver supports CUDA " + cudaVersion(probe.driverVersion())
          + " but the kernels' PTX needs CUDA " + cudaVersion(needed) + "; update the NVIDIA "
          + "driver or rebuild the PTX with an older nvcc (delete sources.sha256 beside it, "
          + "then run src/main/cuda/build-ptx.sh)");
    }
    if (probe.computeMajor() < 8) {
      return Optional.of("the kernels need compute capability 8.0 (bf16 tensor cores); the "
          + "device has " + probe.computeMajor() + "." + probe.computeMinor());
    }
    return Optional.empty();
  }

  /**
   * The driver's CUDA version (as {@code cuDriverGetVersion} gives it, 12080 for 12.8) that
   * loads {@code ptx}, from its {@code .version} line. PTX ISA 7.x came with CUDA 11.x, 8.0 to
   * 8.5 with 12.0 to 12.5 (12.6 kept 8.5), 8.6 to 8.8 with 12.7 to 12.9, and 9.x with 13.x.
   */
  static int driverVersionFor(String ptx) {
    Matcher v = Pattern.compile("(?m)^\\.version\\s+(\\d+)\\.(\\d+)").matcher(ptx);
    if (!v.find()) {
      throw new IllegalStateException("the kernels' PTX has no .version line");
    }
    int major = Integer.parseInt(v.group(1));
    int minor = Integer.parseInt(v.group(2));
    int cudaMinor = major == 8 && minor >= 6 ? minor + 1 : minor;
    return (major + 4) * 1000 + cudaMinor * 10;
  }

  private static String cudaVersion(int v) {
    return v / 1000 + "." + (v % 1000) / 10;
  }
}
