package org.winnow.trainer.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.winnow.trainer.cpu.Attention;
import org.winnow.trainer.cpu.Encoder;
import org.winnow.trainer.cpu.Gelu;
import org.winnow.trainer.cpu.LayerNorm;
import org.winnow.trainer.cpu.Matmul;
import org.winnow.trainer.cpu.Parallel;
import org.winnow.trainer.cpu.SoftmaxCrossEntropy;

/**
 * Every GPU kernel against its CPU twin on fresh random inputs, to the tolerance bf16 allows for
 * the matrix products and fp32 rounding elsewhere; no output may hold a NaN. Skipped, with the
 * reason, where no usable GPU is present.
 */
@Tag("gpu")
class GpuKernelDuelTest {
  private static CudaKernels gpu;
  private static Parallel par;
  private final SplittableRandom r = new SplittableRandom(42);

  private static java.util.Optional<String> problem;

  @BeforeAll
  static void start() {
    problem = CudaProbe.ptxProblem(CudaProbe.probe());
    if (problem.isEmpty()) {
      gpu = CudaKernels.load();
      par = new Parallel(2);
    }
  }

  @org.junit.jupiter.api.BeforeEach
  void needsAGpu() {
    assumeTrue(problem.isEmpty(), () -> "GPU test skipped: " + problem.orElse(""));
  }

  @AfterAll
  static void stop() {
    if (par != null) {
      par.close();
    }
  }

  private float[] random(int n, double scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
    }
    return a;
  }

  private static void close(String what, float[] cpu, float[] gpuOut, double rel, double abs) {
    double max = 0;
    for (float v : cpu) {
      max = Math.max(max, Math.abs(v));
    }
    for (int i = 0; i < cpu.length; i++) {
      assertTrue(Float.isFinite(gpuOut[i]), what + ": non-finite at " + i);
      double err = Math.abs(cpu[i] - gpuOut[i]);
      assertTrue(err <= rel * max + abs, what + " at " + i + ": cpu " + cpu[i] + " gpu "
          + gpuOut[i]);
    }
  }

  @Test
  void matrixProductsInAllThreeForms() {
    int n = 70;
    int ic = 96;
    int oc = 130;
    float[] x = random(n * ic, 1);
    float[] w = random(ic * oc, 1);
    float[] bias = random(oc, 1);
    float[] dy = random(n * oc, 1);
    float[] out = new float[n * oc];
    Matmul.forward(par, out, x, w, 0, bias, 0, n, ic, oc);
    float[] wt = new float[oc * ic];
    Matmul.transpose(par, w, 0, wt, ic, oc);
    float[] dx = new float[n * ic];
    Matmul.backwardInput(par, dx, dy, wt, 0, n, ic, oc);
    float[] dw = new float[ic * oc];
    Matmul.backwardWeight(par, dw, 0, x, dy, n, ic, oc);
    try (DeviceBuffer gx = DeviceBuffer.of(x); DeviceBuffer gw = DeviceBuffer.of(w);
        DeviceBuffer gb = DeviceBuffer.of(bias); DeviceBuffer gdy = DeviceBuffer.of(dy);
        DeviceBuffer gout = new DeviceBuffer(n * oc); DeviceBuffer gdx = new DeviceBuffer(n * ic);
        DeviceBuffer gdw = new DeviceBuffer(ic * oc)) {
      gpu.matmul(gout, gx, gw, gb, n, oc, ic, ic, 1, oc, 1, false);
      // dx [n][ic] = dy [n][oc] W^T: B(k=o, j=i) = W[i][o] = w[i*oc + o].
      gpu.matmul(gdx, gdy, gw, null, n, ic, oc, oc, 1, 1, oc, false);
      // dW [ic][oc] = x^T dy: A(i, k=row) = x[row*ic + i].
      gpu.matmul(gdw, gx, gdy, null, ic, oc, n, 1, ic, oc, 1, true);
      gpu.synchronize();
      // bf16 keeps 8 bits of mantissa: relative error ~ 2^-8 per product, summed over k.
      close("matmul forward", out, gout.toHost(), 2e-2, 0);
      close("matmul dinp", dx, gdx.toHost(), 2e-2, 0);
      close("matmul dweight", dw, gdw.toHost(), 2e-2, 0);
    }
  }

  @Test
  void layerNormGeluAndAttention() {
    int b = 2;
    int t = 40;
    int c = 64;
    int h = 4;
    int n = b * t;
    float[] x = random(n * c, 2);
    float[] w = random(c, 1);
    float[] bb = random(c, 1);
    float[] p = new float[2 * c];
    System.arraycopy(w, 0, p, 0, c);
    System.arraycopy(bb, 0, p, c, c);
    float[] out = new float[n * c];
    float[] mean = new float[n];
    float[] rstd = new float[n];
    LayerNorm.forward(par, out, mean, rstd, x, p, 0, c, n, c);
    float[] dy = random(n * c, 1);
    float[] dx = new float[n * c];
    float[] dp = new float[2 * c];
    LayerNorm.backward(par, dx, dp, 0, c, dy, x, p, 0, mean, rstd, n, c);
    float[] g = new float[n * c];
    Gelu.forward(par, g, x, n * c);
    float[] dg = new float[n * c];
    Gelu.backward(par, dg, x, dy, n * c);
    float[] qkv = random(n * 3 * c, 1);
    float[] ao = new float[n * c];
    float[] att = new float[b * h * t * t];
    float[][] scratch = new float[2][Attention.scratchFloats(t, c, h)];
    Attention.forward(par, ao, att, qkv, scratch, b, t, c, h);
    float[] dqkv = new float[n * 3 * c];
    Attention.backward(par, dqkv, dy, qkv, att, scratch, b, t, c, h);
    try (DeviceBuffer gx = DeviceBuffer.of(x); DeviceBuffer gw = DeviceBuffer.of(w);
        DeviceBuffer gb = DeviceBuffer.of(bb); DeviceBuffer gout = new DeviceBuffer(n * c);
        DeviceBuffer gm = new DeviceBuffer(n); DeviceBuffer gr = new DeviceBuffer(n);
        DeviceBuffer gdy = DeviceBuffer.of(dy); DeviceBuffer gdx = new DeviceBuffer(n * c);
        DeviceBuffer gdw = new DeviceBuffer(c); DeviceBuffer gdb = new DeviceBuffer(c);
        DeviceBuffer gg = new DeviceBuffer(n * c); DeviceBuffer gdg = new DeviceBuffer(n * c);
        DeviceBuffer gqkv = DeviceBuffer.of(qkv); DeviceBuffer gao = new DeviceBuffer(n * c);
        DeviceBuffer gatt = new DeviceBuffer(b * h * t * t);
        DeviceBuffer gdpre = new DeviceBuffer(b * h * t * t);
        DeviceBuffer gdqkv = new DeviceBuffer(n * 3 * c)) {
      gpu.layerNormForward(gout, gm, gr, gx, gw, gb, n, c);
      gpu.layerNormBackward(gdx, gdw, gdb, gdy, gx, gw, gm, gr, n, c);
      gpu.geluForward(gg, gx, n * c);
      gpu.geluBackward(gdg, gx, gdy, n * c);
      gpu.attentionForward(gao, gatt, gqkv, b, t, c, h);
      gpu.attentionBackward(gdqkv, gdpre, gdy, gqkv, gatt, b, t, c, h);
      gpu.synchronize();
      close("layernorm forward", out, gout.toHost(), 1e-5, 1e-5);
      close("layernorm dinp", dx, gdx.toHost(), 1e-4, 1e-5);
      close("layernorm dweight", java.util.Arrays.copyOfRange(dp, 0, c), gdw.toHost(), 1e-4,
          1e-5);
      close("layernorm dbias", java.util.Arrays.copyOfRange(dp, c, 2 * c), gdb.toHost(), 1e-4,
          1e-5);
      close("gelu forward", g, gg.toHost(), 1e-5, 1e-6);
      close("gelu backward", dg, gdg.toHost(), 1e-5, 1e-6);
      close("attention forward", ao, gao.toHost(), 1e-4, 1e-6);
      close("attention backward", dqkv, gdqkv.toHost(), 1e-4, 1e-6);
    }
  }

  @Test
  void softmaxCrossEntropyAndEmbeddings() {
    int n = 12;
    int v = 1000;
    int vp = 1024;
    float[] logits = random(n * vp, 4);
    int[] targets = new int[n];
    for (int i = 0; i < n; i++) {
      targets[i] = i == 3 ? -1 : r.nextInt(v);
    }
    float[] cpu = logits.clone();
    float[] losses = new float[n];
    SoftmaxCrossEntropy.run(par, cpu, losses, targets, n, v, vp, true, 0.25f);
    int b = 2;
    int t = 6;
    int c = 64;
    int vocab = 10;
    float[] wte = random(vocab * c, 1);
    float[] wpe = random(t * c, 1);
    float[] p = new float[wte.length + wpe.length];
    System.arraycopy(wte, 0, p, 0, wte.length);
    System.arraycopy(wpe, 0, p, wte.length, wpe.length);
    int[] tokens = {1, 3, 1, 1, 9, 0, 2, 2, 3, 1, 0, 9};
    float[] enc = new float[b * t * c];
    Encoder.forward(par, enc, tokens, p, 0, wte.length, b, t, c);
    float[] dout = random(b * t * c, 1);
    float[] dp = new float[p.length];
    Encoder.backward(par, dp, 0, wte.length, dout, tokens, b, t, c);
    try (DeviceBuffer gl = DeviceBuffer.of(logits); DeviceBuffer gloss = new DeviceBuffer(n);
        DeviceBuffer gt = DeviceBuffer.of(targets); DeviceBuffer gtok = DeviceBuffer.of(tokens);
        DeviceBuffer gwte = DeviceBuffer.of(wte); DeviceBuffer gwpe = DeviceBuffer.of(wpe);
        DeviceBuffer genc = new DeviceBuffer(b * t * c); DeviceBuffer gdout = DeviceBuffer.of(dout);
        DeviceBuffer gdwte = new DeviceBuffer(wte.length);
        DeviceBuffer gdwpe = new DeviceBuffer(wpe.length);
        DeviceBuffer flag = new DeviceBuffer(1)) {
      gpu.softmaxCrossEntropy(gl, gloss, gt, n, v, vp, true, 0.25f);
      gpu.encoderForward(genc, gtok, gwte, gwpe, b, t, c);
      gpu.encoderBackward(gdwte, gdwpe, gdout, gtok, b, t, c);
      gpu.synchronize();
      close("cross-entropy loss", losses, gloss.toHost(), 1e-5, 1e-5);
      close("cross-entropy gradient", cpu, gl.toHost(), 1e-4, 1e-7);
      close("encoder forward", enc, genc.toHost(), 0, 1e-6);
      close("encoder dwte", java.util.Arrays.copyOfRange(dp, 0, wte.length), gdwte.toHost(), 0,
          1e-5);
      close("encoder dwpe", java.util.Arrays.copyOfRange(dp, wte.length, dp.length),
          gdwpe.toHost(), 0, 1e-5);
      assertTrue(!gpu.hasNonFinite(gl, flag));
      gl.upload(new float[] {Float.NaN});
      assertTrue(gpu.hasNonFinite(gl, flag), "a NaN went unnoticed");
    }
  }
}
