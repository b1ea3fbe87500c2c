package org.winnow.trainer.gpu;

import java.util.function.Consumer;
import java.util.Optional;

/**
 * Turns {@code --device auto|cpu|gpu} into the device a run uses. {@code auto} falls back to the
 * CPU with one line saying why; {@code gpu} fails with the reason when the GPU cannot be used.
 */
public final class DeviceChoice {
  private DeviceChoice() {}

  /** Returns {@code "cpu"} or {@code "gpu"}; see the class comment. */
  public static String resolve(String requested, Consumer<String> out) {
    if (requested.equals("cpu")) {
      return "cpu";
    }
    DeviceProbe probe = CudaProbe.probe();
    Optional<String> problem = CudaProbe.ptxProblem(probe);
    if (requested.equals("gpu")) {
      if (problem.isPresent()) {
        throw new IllegalStateException("--device gpu: " + problem.get());
      }
      out.accept("device gpu: " + probe.device().orElseThrow() + " (experimental: the GPU path "
          + "has passed its duel tests against the CPU path only where a device was present)");
      return "gpu";
    }
    // auto stays on the CPU until the GPU path has been checked on a device; --device gpu asks
    // for it explicitly.
    String why = problem.orElseGet(() -> "found " + probe.device().orElseThrow()
        + ", but auto uses the GPU path only once it is verified; pass --device gpu to use it");
    out.accept("device auto: " + why + "; training on the CPU");
    return "cpu";
  }
}
