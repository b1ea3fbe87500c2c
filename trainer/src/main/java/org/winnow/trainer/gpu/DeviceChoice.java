package org.winnow.trainer.gpu;

import java.util.function.Consumer;
import java.util.Optional;

/**
 * Turns {@code --device auto|cpu|gpu} into the device a run uses. {@code auto} falls back to the
 * CPU with one line saying why; {@code gpu} fails with the reason when the GPU cannot be used.
 */
public final class DeviceChoice {
  private DeviceChoice() {}

  /** Returns {@code "cpu"}; see the class comment for what {@code auto} and {@code gpu} do. */
  public static String resolve(String requested, Consumer<String> out) {
    if (requested.equals("cpu")) {
      return "cpu";
    }
    DeviceProbe probe = CudaProbe.probe();
    Optional<String> problem = CudaProbe.ptxProblem(probe);
    // The GPU kernels exist and are tested one by one, but the training step that chains them on
    // the device is not built yet, so a usable device is still reported and not used.
    String why = problem.orElseGet(() -> "found " + probe.device().orElseThrow()
        + ", but this build has no GPU training step yet");
    if (requested.equals("gpu")) {
      throw new IllegalStateException("--device gpu: " + why);
    }
    out.accept("device auto: " + why + "; training on the CPU");
    return "cpu";
  }
}
