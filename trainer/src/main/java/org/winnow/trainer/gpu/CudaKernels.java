package org.winnow.trainer.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * The kernels of {@code src/main/cuda/kernels.cu}, loaded from the PTX kept as a resource into
 * the device's primary context, with one launch method per kernel. Shapes and layouts are the
 * CPU path's ({@code org.winnow.trainer.cpu}); each method's comment names its CPU twin.
 */
public final class CudaKernels {
  static final String PTX = "kernels.ptx";
  private static final int THREADS = 256;
  private final Map<String, CUfunction> functions = new HashMap<>();
  private final CUmodule module = new CUmodule();

  private CudaKernels() {}

  /**
   * Starts the driver on device 0 and loads the kernels.
   *
   * @throws IllegalStateException with the reason when no device can run them (no driver, a
   *     driver older than the PTX, a device without bf16 tensor cores)
   */
  public static CudaKernels load() {
    DeviceProbe probe = CudaProbe.probe();
    CudaProbe.ptxProblem(probe).ifPresent(why -> {
      throw new IllegalStateException("cannot use the GPU: " + why);
    });
    CUdevice dev = new CUdevice();
    JCudaDriver.cuDeviceGet(dev, 0);
    CUcontext ctx = new CUcontext();
    JCudaDriver.cuDevicePrimaryCtxRetain(ctx, dev);
    JCudaDriver.cuCtxSetCurrent(ctx);
    CudaKernels k = new CudaKernels();
    JCudaDriver.cuModuleLoadData(k.module, ptx());
    return k;
  }

  /** The PTX text, NUL-terminated as the driver wants it. */
  static byte[] ptx() {
    try (InputStream in = CudaKernels.class.getResourceAsStream(PTX)) {
      if (in == null) {
        throw new IllegalStateException(PTX + " is missing from the classpath");
      }
      byte[] b = in.readAllBytes();
      byte[] z = java.util.Arrays.copyOf(b, b.length + 1);
      return z;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + PTX + ": " + e, e);
    }
  }

  public void synchronize() {
    JCudaDriver.cuCtxSynchronize();
  }

  private CUfunction fn(String name) {
    return functions.computeIfAbsent(name, n -> {
      CUfunction f = new CUfunction();
      JCudaDriver.cuModuleGetFunction(f, module, n);
      return f;
    });
  }

  private void launch(String name, int gx, int gy, int block, Object... args) {
    Pointer[] ps = new Pointer[args.length];
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof DeviceBuffer) {
        ps[i] = Pointer.to(((DeviceBuffer) a).pointer());
      } else if (a == null) {
        ps[i] = Pointer.to(new CUdeviceptr());
      } else if (a instanceof Integer) {
        ps[i] = Pointer.to(new int[] {(Integer) a});
      } else if (a instanceof Long) {
        ps[i] = Pointer.to(new long[] {(Long) a});
      } else if (a instanceof Float) {
        ps[i] = Pointer.to(new float[] {(Float) a});
      } else {
        throw new IllegalArgumentException("kernel argument of type " + a.getClass());
      }
    }
    JCudaDriver.cuLaunchKernel(fn(name), gx, gy, 1, block, 1, 1, 0, null, Pointer.to(ps), null);
  }

  private static int blocks(long n, int perBlock) {
    return Math.toIntExact((n + perBlock - 1) / perBlock);
  }

  /**
   * {@code c [m][n] = (accumulate ? c : 0) + a b (+ bias)} on the tensor cores, bf16 inputs and
   * fp32 accumulation; element {@code (i,k)} of {@code a} is at {@code i*sai + k*sak} and {@code
   * (k,j)} of {@code b} at {@code k*sbk + j*sbj}. Covers {@code Matmul.forward} ({@code a = x},
   * {@code b = W}), {@code backwardInput} ({@code b = W^T} by strides) and {@code backwardWeight}
   * ({@code a = x^T} by strides).
   */
  public void matmul(DeviceBuffer c, DeviceBuffer a, DeviceBuffer b, DeviceBuffer bias, int m,
      int n, int k, long sai, long sak, long sbk, long sbj, boolean accumulate) {
    launch("matmul_bf16", blocks(n, 64), blocks(m, 64), 128, c, a, b, bias, m, n, k, sai, sak, sbk,
        sbj, accumulate ? 1 : 0);
  }

  /** {@code Matmul.backwardBias}. */
  public void biasBackward(DeviceBuffer db, DeviceBuffer dy, int rows, int cols) {
    launch("bias_backward", blocks(cols, THREADS), 1, THREADS, db, dy, rows, cols);
  }

  /** {@code LayerNorm.forward}; {@code w} and {@code b} are separate device buffers. */
  public void layerNormForward(DeviceBuffer out, DeviceBuffer mean, DeviceBuffer rstd,
      DeviceBuffer inp, DeviceBuffer w, DeviceBuffer b, int n, int c) {
    launch("layernorm_forward", blocks(n, THREADS / 32), 1, THREADS, out, mean, rstd, inp, w, b, n,
        c);
  }

  /** {@code LayerNorm.backward}: the input gradient, then the parameter gradients. */
  public void layerNormBackward(DeviceBuffer dinp, DeviceBuffer dw, DeviceBuffer db,
      DeviceBuffer dout, DeviceBuffer inp, DeviceBuffer w, DeviceBuffer mean, DeviceBuffer rstd,
      int n, int c) {
    launch("layernorm_backward_input", blocks(n, THREADS / 32), 1, THREADS, dinp, dout, inp, w,
        mean, rstd, n, c);
    launch("layernorm_backward_params", blocks(c, THREADS), 1, THREADS, dw, db, dout, inp, mean,
        rstd, n, c);
  }

  /** {@code Gelu.forward}. */
  public void geluForward(DeviceBuffer out, DeviceBuffer inp, long n) {
    launch("gelu_forward", blocks(n, THREADS), 1, THREADS, out, inp, n);
  }

  /** {@code Gelu.backward}. */
  public void geluBackward(DeviceBuffer dinp, DeviceBuffer inp, DeviceBuffer dout, long n) {
    launch("gelu_backward", blocks(n, THREADS), 1, THREADS, dinp, inp, dout, n);
  }

  /** {@code out = a + b}. */
  public void add(DeviceBuffer out, DeviceBuffer a, DeviceBuffer b, long n) {
    launch("add", blocks(n, THREADS), 1, THREADS, out, a, b, n);
  }

  /** {@code Attention.forward}. */
  public void attentionForward(DeviceBuffer out, DeviceBuffer att, DeviceBuffer qkv, int b,
      int t, int c, int h) {
    launch("attention_forward", blocks((long) b * h * t, THREADS / 32), 1, THREADS, out, att, qkv,
        b, t, c, h);
  }

  /** {@code Attention.backward}, except that {@code dqkv} is written, not accumulated. */
  public void attentionBackward(DeviceBuffer dqkv, DeviceBuffer dpre, DeviceBuffer dout,
      DeviceBuffer qkv, DeviceBuffer att, int b, int t, int c, int h) {
    int g = blocks((long) b * h * t, THREADS / 32);
    launch("attention_backward_query", g, 1, THREADS, dqkv, dpre, dout, qkv, att, b, t, c, h);
    launch("attention_backward_key", g, 1, THREADS, dqkv, dpre, dout, qkv, att, b, t, c, h);
  }

  /** {@code SoftmaxCrossEntropy.run}. */
  public void softmaxCrossEntropy(DeviceBuffer logits, DeviceBuffer losses, DeviceBuffer targets,
      int n, int vocab, int paddedVocab, boolean backward, float scale) {
    launch("softmax_cross_entropy", n, 1, THREADS, logits, losses, targets, vocab, paddedVocab,
        backward ? 1 : 0, scale);
  }

  /** {@code Encoder.forward}. */
  public void encoderForward(DeviceBuffer out, DeviceBuffer tokens, DeviceBuffer wte,
      DeviceBuffer wpe, int b, int t, int c) {
    launch("encoder_forward", blocks((long) b * t * c, THREADS), 1, THREADS, out, tokens, wte, wpe,
        b * t, t, c);
  }

  /** {@code Encoder.backward}. */
  public void encoderBackward(DeviceBuffer dwte, DeviceBuffer dwpe, DeviceBuffer dout,
      DeviceBuffer tokens, int b, int t, int c) {
    launch("encoder_backward_position", blocks((long) t * c, THREADS), 1, THREADS, dwpe, dout, b,
        t, c);
    launch("encoder_backward_token", blocks(c, THREADS), 1, THREADS, dwte, dout, tokens, b * t, c);
  }

  /** {@code AdamW.step} for one tensor ({@code wd} 0 for biases and LayerNorm parameters). */
  public void adamw(DeviceBuffer params, DeviceBuffer grads, DeviceBuffer m, DeviceBuffer v,
      long n, float lr, float beta1, float beta2, float eps, float wd, long step) {
    float c1 = (float) (1.0 - StrictMath.pow(beta1, step));
    float c2 = (float) (1.0 - StrictMath.pow(beta2, step));
    launch("adamw", blocks(n, THREADS), 1, THREADS, params, grads, m, v, n, lr, beta1, beta2, eps,
        wd, c1, c2);
  }

  /** {@code x *= s}. */
  public void scale(DeviceBuffer x, float s, long n) {
    launch("scale", blocks(n, THREADS), 1, THREADS, x, s, n);
  }

  /** Whether {@code x} holds a NaN or an infinity (the step refuses to apply one). */
  public boolean hasNonFinite(DeviceBuffer x, DeviceBuffer flag) {
    flag.zero();
    launch("find_nonfinite", blocks(x.length(), THREADS), 1, THREADS, flag, x, x.length());
    int[] h = new int[1];
    JCudaDriver.cuMemcpyDtoH(Pointer.to(h), flag.pointer(), 4);
    return h[0] != 0;
  }
}
