package org.winnow.trainer.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

/** Without a usable GPU, auto falls back to the CPU in one line and gpu fails with the reason. */
class DeviceChoiceTest {
  @Test
  void fallsBackToTheCpuInOneClearLine() {
    DeviceProbe probe = CudaProbe.probe();
    assumeFalse(probe.available(), "a GPU is present; the fallback is not exercised here");
    assertTrue(probe.reason().isPresent());
    StringBuilder bytes = new StringBuilder();
    String device = DeviceChoice.resolve("auto", line -> bytes.append(line).append('\n'));
    assertEquals("cpu", device);
    String out = bytes.toString();
    assertEquals(1, out.lines().count(), out);
    assertTrue(out.startsWith("device auto: ") && out.contains("training on the CPU"), out);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DeviceChoice.resolve("gpu", line -> { }));
    assertTrue(e.getMessage().startsWith("--device gpu: "), e.getMessage());
    assertEquals("cpu", DeviceChoice.resolve("cpu", null));
  }

  @Test
  void aDriverThatFailsToLoadIsSaidInOneLine() {
    // The shape of JCuda's message when libcuda.so.1 is missing.
    String jcuda = "Error while loading native library \"JCudaDriver-12.6.0-linux-x86_64\"\n"
        + "Operating system name: Linux\nArchitecture         : amd64\n"
        + "---(start of nested stack traces)---\nStack trace from the attempt to load the "
        + "library as a file:\njava.lang.UnsatisfiedLinkError: no JCudaDriver in "
        + "java.library.path\n\tat java.base/java.lang.ClassLoader.loadLibrary\n"
        + "---(end of nested stack traces)---\n";
    String why = CudaProbe.loadFailure(new UnsatisfiedLinkError(jcuda));
    assertEquals("no CUDA driver (libcuda.so.1) could be loaded: Error while loading native "
        + "library \"JCudaDriver-12.6.0-linux-x86_64\"", why);
    assertEquals(1, DeviceProbe.none(why).reason().orElseThrow().lines().count());
  }

  @Test
  void anOldDriverIsRefusedBeforeAnyLaunch() {
    DeviceProbe old = new DeviceProbe(java.util.Optional.of("H100"), java.util.Optional.empty(),
        12040, 9, 0);
    String why = CudaProbe.ptxProblem(old).orElseThrow();
    assertTrue(why.contains("CUDA 12.4") && why.contains("13.0"), why);
    DeviceProbe current = new DeviceProbe(java.util.Optional.of("H100"),
        java.util.Optional.empty(), 13000, 9, 0);
    assertTrue(CudaProbe.ptxProblem(current).isEmpty());
  }

  @Test
  void theDriverVersionNeededIsReadFromThePtx() {
    assertEquals(13000, CudaProbe.driverVersionFor(
        new String(CudaKernels.ptx(), java.nio.charset.StandardCharsets.US_ASCII)));
    assertEquals(12040, CudaProbe.driverVersionFor("//\n.version 8.4\n.target sm_80\n"));
    assertEquals(12050, CudaProbe.driverVersionFor(".version 8.5\n"));
    assertEquals(12080, CudaProbe.driverVersionFor(".version 8.7\n"));
    assertEquals(11080, CudaProbe.driverVersionFor(".version 7.8\n"));
    assertEquals(13010, CudaProbe.driverVersionFor(".version 9.1\n"));
    assertThrows(IllegalStateException.class, () -> CudaProbe.driverVersionFor(".target sm_80"));
  }
}
