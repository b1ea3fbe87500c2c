package org.winnow.trainer.gpu;

import java.util.Optional;

/**
 * Whether a CUDA device can be used, and if not why: "no GPU" is an answer, not an exception.
 *
 * @param device the first device's name, compute capability and the driver's CUDA version
 * @param reason why no device is usable
 */
public record DeviceProbe(Optional<String> device, Optional<String> reason,
    int driverVersion, int computeMajor, int computeMinor) {

  public boolean available() {
    return device.isPresent();
  }

  static DeviceProbe none(String why) {
    return new DeviceProbe(Optional.empty(), Optional.of(why), 0, 0, 0);
  }
}
