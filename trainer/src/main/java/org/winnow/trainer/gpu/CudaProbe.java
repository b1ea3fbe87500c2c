package org.winnow.trainer.gpu;

import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;

import java.util.Optional;
import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;

/**
 * Looks for a usable CUDA device through the driver API. JCuda's native library links only the
 * driver's {@code libcuda.so.1}; on a machine without it (or without a device) the probe returns
 * the reason instead of failing.
 */
public final class CudaProbe {
  /** The driver's CUDA version the committed PTX needs (13.0: the PTX comes from CUDA 13's nvcc). */
  public static final int PTX_DRIVER_VERSION = 13000;

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
   * Why the committed PTX cannot run on {@code probe}'s device, or empty when it can: a driver
   * older than the PTX's CUDA version would otherwise fail deep inside the first launch with
   * error 222 (unsupported PTX version).
   */
  public static Optional<String> ptxProblem(DeviceProbe probe) {
    if (!probe.available()) {
      return probe.reason();
    }
    if (probe.driverVersion() < PTX_DRIVER_VERSION) {
      return Optional.of("the driver supports CUDA " + probe.driverVersion() / 1000 + "."
          + (probe.driverVersion() % 1000) / 10 + " but the kernels' PTX needs CUDA "
          + PTX_DRIVER_VERSION / 1000 + ".0; update the NVIDIA driver or rebuild the PTX with "
          + "an older nvcc (mvn -Pnvcc)");
    }
    if (probe.computeMajor() < 8) {
      return Optional.of("the kernels need compute capability 8.0 (bf16 tensor cores); the "
          + "device has " + probe.computeMajor() + "." + probe.computeMinor());
    }
    return Optional.empty();
  }
}
