package org.winnow.trainer.gpu;

import java.util.ArrayList;
import java.util.List;
import org.winnow.trainer.model.GptConfig;
import org.winnow.trainer.model.ParameterLayout;
import org.winnow.trainer.optim.GradientClip;

/**
 * The GPT on the GPU for a fixed batch shape {@code B x T}: the CPU path's forward, loss,
 * backward and AdamW step ({@code org.winnow.trainer.cpu.CpuGpt}, {@code optim.AdamW}) chained
 * over device buffers with the kernels of {@link CudaKernels}. Parameters, gradients and both
 * moments stay on the device in fp32; matrix products round their inputs to bf16.
 *
 * <p>The gradient norm is summed on the host from a copy of the gradient, in the CPU path's fixed
 * order; a step whose loss or gradient holds a NaN or an infinity is refused.
 */
public final class GpuGpt implements org.winnow.trainer.eval.Scorer, AutoCloseable {
  private final CudaKernels k;
  private final GptConfig config;
  private final ParameterLayout layout;
  private final int b;
  private final int t;
  private final int n;
  private final List<DeviceBuffer> owned = new ArrayList<>();
  private final DeviceBuffer params;
  private final DeviceBuffer grads;
  private final DeviceBuffer m;
  private final DeviceBuffer v;
  private final DeviceBuffer inputs;
  private final DeviceBuffer targets;
  private final DeviceBuffer encoded;
  private final DeviceBuffer[] ln1;
  private final DeviceBuffer[] ln1Mean;
  private final DeviceBuffer[] ln1Rstd;
  private final DeviceBuffer[] qkv;
  private final DeviceBuffer[] atty;
  private final DeviceBuffer[] att;
  private final DeviceBuffer[] residual2;
  private final DeviceBuffer[] ln2;
  private final DeviceBuffer[] ln2Mean;
  private final DeviceBuffer[] ln2Rstd;
  private final DeviceBuffer[] fch;
  private final DeviceBuffer[] fchGelu;
  private final DeviceBuffer[] residual3;
  private final DeviceBuffer lnf;
  private final DeviceBuffer lnfMean;
  private final DeviceBuffer lnfRstd;
  private final DeviceBuffer logits;
  private final DeviceBuffer losses;
  private final DeviceBuffer dres;
  private final DeviceBuffer bufC;
  private final DeviceBuffer buf3C;
  private final DeviceBuffer buf4C;
  private final DeviceBuffer dpre;
  private final DeviceBuffer flag;
  private final float[] hostLosses;
  private final int[] hostTargets;
  private final float[] hostGrads;
  private boolean gradientReady;

  public GpuGpt(CudaKernels kernels, GptConfig config, float[] hostParams, int batch,
      int seqLen) {
    this.k = kernels;
    this.config = config;
    this.layout = ParameterLayout.of(config);
    if (hostParams.length != layout.size()) {
      throw new IllegalArgumentException("parameter array holds " + hostParams.length
          + " floats, the model needs " + layout.size());
    }
    if (seqLen > config.context()) {
      throw new IllegalArgumentException("sequence length " + seqLen + " exceeds the context "
          + config.context());
    }
    this.b = batch;
    this.t = seqLen;
    this.n = batch * seqLen;
    int c = config.nEmbd();
    int l = config.nLayer();
    long vp = config.paddedVocab();
    params = own(layout.size());
    params.upload(hostParams);
    grads = own(layout.size());
    m = own(layout.size());
    v = own(layout.size());
    inputs = own(n);
    targets = own(n);
    encoded = own((long) n * c);
    ln1 = layers(l, (long) n * c);
    ln1Mean = layers(l, n);
    ln1Rstd = layers(l, n);
    qkv = layers(l, 3L * n * c);
    atty = layers(l, (long) n * c);
    att = layers(l, (long) b * config.nHead() * t * t);
    residual2 = layers(l, (long) n * c);
    ln2 = layers(l, (long) n * c);
    ln2Mean = layers(l, n);
    ln2Rstd = layers(l, n);
    fch = layers(l, 4L * n * c);
    fchGelu = layers(l, 4L * n * c);
    residual3 = layers(l, (long) n * c);
    lnf = own((long) n * c);
    lnfMean = own(n);
    lnfRstd = own(n);
    logits = own(n * vp);
    losses = own(n);
    dres = own((long) n * c);
    bufC = own((long) n * c);
    buf3C = own(3L * n * c);
    buf4C = own(4L * n * c);
    dpre = own((long) b * config.nHead() * t * t);
    flag = own(1);
    hostLosses = new float[n];
    hostTargets = new int[n];
    hostGrads = new float[layout.size()];
  }

  private DeviceBuffer own(long len) {
    DeviceBuffer d = new DeviceBuffer(len);
    owned.add(d);
    return d;
  }

  private DeviceBuffer[] layers(int l, long len) {
    DeviceBuffer[] a = new DeviceBuffer[l];
    for (int i = 0; i < l; i++) {
      a[i] = own(len);
    }
    return a;
  }

  private DeviceBuffer p(int offset, long len) {
    return params.slice(offset, len);
  }

  private DeviceBuffer g(int offset, long len) {
    return grads.slice(offset, len);
  }

  @Override
  public int batch() {
    return b;
  }

  @Override
  public int seqLen() {
    return t;
  }

  /** Sets both AdamW moments (resuming from a checkpoint). */
  public void uploadMoments(float[] hostM, float[] hostV) {
    m.upload(hostM);
    v.upload(hostV);
  }

  /** Copies parameters and both moments to the host. */
  public void downloadState(float[] hostParams, float[] hostM, float[] hostV) {
    params.download(hostParams);
    m.download(hostM);
    v.download(hostV);
  }

  /** The parameters, copied to the host. */
  public float[] params() {
    return params.toHost();
  }

  /** The gradient, copied to the host. */
  public float[] grads() {
    return grads.toHost();
  }

  public void zeroGrad() {
    grads.zero();
  }

  /** As {@code CpuGpt.forward}: the mean loss over scored positions. */
  @Override
  public float forward(int[] in, int[] target) {
    return run(in, target, false, 0f);
  }

  /** As {@code CpuGpt.forwardForTraining}. */
  public float forwardForTraining(int[] in, int[] target, float scale) {
    float loss = run(in, target, true, scale);
    gradientReady = true;
    return loss;
  }

  /** Per-position losses of the last forward pass. */
  @Override
  public float[] losses() {
    return hostLosses.clone();
  }

  private float run(int[] in, int[] target, boolean backward, float scale) {
    int c = config.nEmbd();
    int vp = config.paddedVocab();
    long cc = c;
    if (in.length < n || target.length < n) {
      throw new IllegalArgumentException("expected " + n + " inputs and targets, got "
          + in.length + " and " + target.length);
    }
    int scored = 0;
    for (int i = 0; i < n; i++) {
      if (in[i] < 0 || in[i] >= config.vocab() || target[i] >= config.vocab()) {
        throw new IllegalArgumentException("token at position " + i + " outside the vocabulary "
            + "of " + config.vocab());
      }
      hostTargets[i] = target[i];
      if (target[i] >= 0) {
        scored++;
      }
    }
    uploadInts(inputs, in, n);
    uploadInts(targets, target, n);
    DeviceBuffer wte = p(layout.wte(), (long) vp * c);
    k.encoderForward(encoded, inputs, wte, p(layout.wpe(), (long) config.context() * c), b, t, c);
    DeviceBuffer x = encoded;
    for (int l = 0; l < config.nLayer(); l++) {
      ParameterLayout.Block q = layout.block(l);
      k.layerNormForward(ln1[l], ln1Mean[l], ln1Rstd[l], x, p(q.ln1w(), cc), p(q.ln1b(), cc), n,
          c);
      forwardLinear(qkv[l], ln1[l], q.qkvw(), q.qkvb(), c, 3 * c);
      k.attentionForward(atty[l], att[l], qkv[l], b, t, c, config.nHead());
      forwardLinear(bufC, atty[l], q.attProjW(), q.attProjB(), c, c);
      k.add(residual2[l], x, bufC, (long) n * c);
      k.layerNormForward(ln2[l], ln2Mean[l], ln2Rstd[l], residual2[l], p(q.ln2w(), cc),
          p(q.ln2b(), cc), n, c);
      forwardLinear(fch[l], ln2[l], q.fcW(), q.fcB(), c, 4 * c);
      k.geluForward(fchGelu[l], fch[l], 4L * n * c);
      forwardLinear(bufC, fchGelu[l], q.fcProjW(), q.fcProjB(), 4 * c, c);
      k.add(residual3[l], residual2[l], bufC, (long) n * c);
      x = residual3[l];
    }
    k.layerNormForward(lnf, lnfMean, lnfRstd, x, p(layout.lnfw(), cc), p(layout.lnfb(), cc), n,
        c);
    // logits [n][vp] = lnf [n][c] wte^T: element (kk, j) of the right operand is wte[j][kk].
    k.matmul(logits, lnf, wte, null, n, vp, c, c, 1, 1, c, false);
    float s = scored == 0 ? 0f : scale / scored;
    k.softmaxCrossEntropy(logits, losses, targets, n, config.vocab(), vp, backward, s);
    losses.download(hostLosses);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (hostTargets[i] >= 0) {
        sum += hostLosses[i];
      }
    }
    gradientReady = false;
    return scored == 0 ? 0f : (float) (sum / scored);
  }

  private void forwardLinear(DeviceBuffer out, DeviceBuffer inp, int w, int bias, int ic,
      int oc) {
    k.matmul(out, inp, p(w, (long) ic * oc), p(bias, oc), n, oc, ic, ic, 1, oc, 1, false);
  }

  /** {@code dinp = dout W^T} (written) and {@code dW += inp^T dout}, {@code db += sum dout}. */
  private void backwardLinear(DeviceBuffer dinp, DeviceBuffer dout, DeviceBuffer inp, int w,
      int bias, int ic, int oc) {
    DeviceBuffer wb = p(w, (long) ic * oc);
    k.matmul(dinp, dout, wb, null, n, ic, oc, oc, 1, 1, oc, false);
    k.matmul(g(w, (long) ic * oc), inp, dout, null, ic, oc, n, 1, ic, oc, 1, true);
    k.biasBackward(g(bias, oc), dout, n, oc);
  }

  /** As {@code CpuGpt.backward}: accumulates the gradient of the last training forward pass. */
  public void backward() {
    if (!gradientReady) {
      throw new IllegalStateException("backward() needs a forwardForTraining() first");
    }
    gradientReady = false;
    int c = config.nEmbd();
    int vp = config.paddedVocab();
    long cc = c;
    DeviceBuffer wte = p(layout.wte(), (long) vp * c);
    // dlnf [n][c] = dlogits [n][vp] wte; dwte [vp][c] += dlogits^T lnf.
    k.matmul(bufC, logits, wte, null, n, c, vp, vp, 1, c, 1, false);
    k.matmul(g(layout.wte(), (long) vp * c), logits, lnf, null, vp, c, n, 1, vp, c, 1, true);
    dres.zero();
    DeviceBuffer last = residual3[config.nLayer() - 1];
    k.layerNormBackward(dres, g(layout.lnfw(), cc), g(layout.lnfb(), cc), bufC, last,
        p(layout.lnfw(), cc), lnfMean, lnfRstd, n, c);
    for (int l = config.nLayer() - 1; l >= 0; l--) {
      ParameterLayout.Block q = layout.block(l);
      DeviceBuffer x = l == 0 ? encoded : residual3[l - 1];
      backwardLinear(buf4C, dres, fchGelu[l], q.fcProjW(), q.fcProjB(), 4 * c, c);
      k.geluBackward(buf4C, fch[l], buf4C, 4L * n * c);
      backwardLinear(bufC, buf4C, ln2[l], q.fcW(), q.fcB(), c, 4 * c);
      k.layerNormBackward(dres, g(q.ln2w(), cc), g(q.ln2b(), cc), bufC, residual2[l],
          p(q.ln2w(), cc), ln2Mean[l], ln2Rstd[l], n, c);
      backwardLinear(bufC, dres, atty[l], q.attProjW(), q.attProjB(), c, c);
      k.attentionBackward(buf3C, dpre, bufC, qkv[l], att[l], b, t, c, config.nHead());
      backwardLinear(bufC, buf3C, ln1[l], q.qkvw(), q.qkvb(), c, 3 * c);
      k.layerNormBackward(dres, g(q.ln1w(), cc), g(q.ln1b(), cc), bufC, x, p(q.ln1w(), cc),
          ln1Mean[l], ln1Rstd[l], n, c);
    }
    k.encoderBackward(g(layout.wte(), (long) vp * c),
        g(layout.wpe(), (long) config.context() * c), dres, inputs, b, t, c);
  }

  /**
   * Clips the gradient to {@code clip} by global norm and applies AdamW (decay on matrices only,
   * betas 0.9 and 0.95, eps 1e-8); returns the norm before clipping.
   *
   * @throws IllegalStateException when the gradient holds a NaN or an infinity
   */
  public double step(float lr, long stepNumber, float weightDecay, double clip) {
    if (k.hasNonFinite(grads, flag)) {
      throw new IllegalStateException("the gradient holds a NaN or an infinity; step "
          + stepNumber + " refused");
    }
    grads.download(hostGrads);
    double norm = GradientClip.norm(hostGrads);
    if (clip > 0 && norm > clip) {
      k.scale(grads, (float) (clip / (norm + 1e-6)), grads.length());
    }
    for (ParameterLayout.Tensor tensor : layout.tensors()) {
      k.adamw(p(tensor.offset(), tensor.size()), g(tensor.offset(), tensor.size()),
          m.slice(tensor.offset(), tensor.size()), v.slice(tensor.offset(), tensor.size()),
          tensor.size(), lr, 0.9f, 0.95f, 1e-8f, tensor.matrix() ? weightDecay : 0f, stepNumber);
    }
    k.synchronize();
    return norm;
  }

  /** Copies the first {@code count} ints: a longer host array would write past the buffer. */
  private static void uploadInts(DeviceBuffer d, int[] host, int count) {
    jcuda.driver.JCudaDriver.cuMemcpyHtoD(d.pointer(), jcuda.Pointer.to(host),
        (long) count * jcuda.Sizeof.INT);
  }

  @Override
  public void close() {
    for (DeviceBuffer d : owned) {
      d.close();
    }
  }
}
