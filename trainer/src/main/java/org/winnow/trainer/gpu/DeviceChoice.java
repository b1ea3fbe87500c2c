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
    // The kernels and the step that chains them (GpuGpt) exist, with duel tests against the CPU
    // path, but they have not yet run on a device nor been wired into the training loop, so a
    // usable device is reported and not used.
    String why = problem.orElseGet(() -> "found " + probe.device().orElseThrow()
        + ", but the GPU training step is not yet wired into training runs");
    if (requested.equals("gpu")) {
      throw new IllegalStateException("--device gpu: " + why);
    }
    out.accept("device auto: " + why + "; training on the CPU");
    return "cpu";
  }
}
