package org.winnow.trainer.cpu;

import java.util.Arrays;
import org.winnow.trainer.model.GptConfig;
import org.winnow.trainer.model.ParameterLayout;

/**
 * The GPT on the CPU in pure Java, for a fixed batch shape {@code B x T}: forward, loss and
 * backward, with every buffer allocated once here so that a training step allocates no tensors.
 * This is the reference the GPU path is tested against.
 *
 * <p>Not thread-safe; the kernels use the {@link Parallel} workers it is given.
 */
public final class CpuGpt implements org.winnow.trainer.eval.Scorer {
  private final GptConfig config;
  private final ParameterLayout layout;
  private final Parallel par;
  private final int b;
  private final int t;
  private final int n;
  private final float[] params;
  private final float[] grads;

  private final int[] inputs;
  private final int[] targets;
  private final float[] encoded;
  private final float[][] ln1;
  private final float[][] ln1Mean;
  private final float[][] ln1Rstd;
  private final float[][] qkv;
  private final float[][] atty;
  private final float[][] att;
  private final float[][] residual2;
  private final float[][] ln2;
  private final float[][] ln2Mean;
  private final float[][] ln2Rstd;
  private final float[][] fch;
  private final float[][] fchGelu;
  private final float[][] residual3;
  private final float[] lnf;
  private final float[] lnfMean;
  private final float[] lnfRstd;
  private final float[] logits;
  private final float[] losses;
  private final float[] wteT;

  private final float[] dres;
  private final float[] bufC;
  private final float[] buf3C;
  private final float[] buf4C;
  private final float[] wT;
  private final float[][] attScratch;
  private boolean gradientReady;

  /**
   * @param params the parameters, laid out by {@link ParameterLayout}; shared, not copied, so
   *     the optimizer updates them in place
   */
  public CpuGpt(GptConfig config, float[] params, int batch, int seqLen, Parallel par) {
    this.config = config;
    this.layout = ParameterLayout.of(config);
    if (params.length != layout.size()) {
      throw new IllegalArgumentException("parameter array holds " + params.length
          + " floats, the model needs " + layout.size());
    }
    if (seqLen > config.context()) {
      throw new IllegalArgumentException("sequence length " + seqLen + " exceeds the context "
          + config.context());
    }
    this.par = par;
    this.b = batch;
    this.t = seqLen;
    this.n = batch * seqLen;
    this.params = params;
    this.grads = new float[params.length];
    int c = config.nEmbd();
    int l = config.nLayer();
    int vp = config.paddedVocab();
    long logitCount = (long) n * vp;
    if (logitCount > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("batch x seqLen x vocab = " + logitCount
          + " logits do not fit one Java array; use a smaller batch");
    }
    inputs = new int[n];
    targets = new int[n];
    encoded = new float[n * c];
    ln1 = new float[l][n * c];
    ln1Mean = new float[l][n];
    ln1Rstd = new float[l][n];
    qkv = new float[l][n * 3 * c];
    atty = new float[l][n * c];
    att = new float[l][b * config.nHead() * t * t];
    residual2 = new float[l][n * c];
    ln2 = new float[l][n * c];
    ln2Mean = new float[l][n];
    ln2Rstd = new float[l][n];
    fch = new float[l][n * 4 * c];
    fchGelu = new float[l][n * 4 * c];
    residual3 = new float[l][n * c];
    lnf = new float[n * c];
    lnfMean = new float[n];
    lnfRstd = new float[n];
    logits = new float[(int) logitCount];
    losses = new float[n];
    wteT = new float[vp * c];
    dres = new float[n * c];
    bufC = new float[n * c];
    buf3C = new float[n * 3 * c];
    buf4C = new float[n * 4 * c];
    wT = new float[4 * c * c];
    attScratch = new float[par.threads()][Attention.scratchFloats(t, c, config.nHead())];
  }

  /** What the CPU matrix products run on (Vector API width, or plain loops). */
  public static String kernelDescription() {
    return Gemm.describe();
  }

  public GptConfig config() {
    return config;
  }

  public ParameterLayout layout() {
    return layout;
  }

  public float[] params() {
    return params;
  }

  /** The gradient, accumulated by {@link #backward()} since the last {@link #zeroGrad()}. */
  public float[] grads() {
    return grads;
  }

  @Override
  public int batch() {
    return b;
  }

  @Override
  public int seqLen() {
    return t;
  }

  public void zeroGrad() {
    Arrays.fill(grads, 0f);
  }

  /**
   * Runs the model and scores it: returns the mean loss (nats) over positions whose target is
   * not negative; the per-position losses are in {@link #losses()}.
   *
   * @param in {@code B x T} input tokens, row-major
   * @param target {@code B x T} targets; a negative target is not scored
   */
  @Override
  public float forward(int[] in, int[] target) {
    run(in, target, false, 0f);
    return meanLoss();
  }

  /**
   * Like {@link #forward} and keeps the loss gradient (of the mean loss, times {@code scale}) for
   * {@link #backward()}. Gradient accumulation over {@code k} micro-batches passes {@code 1/k}.
   */
  public float forwardForTraining(int[] in, int[] target, float scale) {
    run(in, target, true, scale);
    gradientReady = true;
    return meanLoss();
  }

  /** Per-position losses of the last forward pass (0 where the target was not scored). */
  @Override
  public float[] losses() {
    return losses;
  }

  private float meanLoss() {
    double s = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (targets[i] >= 0) {
        s += losses[i];
        count++;
      }
    }
    return count == 0 ? 0f : (float) (s / count);
  }

  private void run(int[] in, int[] target, boolean backward, float scale) {
    if (in.length < n || target.length < n) {
      throw new IllegalArgumentException("expected " + n + " inputs and targets, got "
          + in.length + " and " + target.length);
    }
    int c = config.nEmbd();
    int vp = config.paddedVocab();
    int scored = 0;
    for (int i = 0; i < n; i++) {
      int tok = in[i];
      if (tok < 0 || tok >= config.vocab()) {
        throw new IllegalArgumentException("input token " + tok + " at position " + i
            + " outside the vocabulary of " + config.vocab());
      }
      inputs[i] = tok;
      targets[i] = target[i];
      if (target[i] >= 0) {
        scored++;
      }
    }
    Encoder.forward(par, encoded, inputs, params, layout.wte(), layout.wpe(), b, t, c);
    float[] x = encoded;
    for (int l = 0; l < config.nLayer(); l++) {
      ParameterLayout.Block p = layout.block(l);
      LayerNorm.forward(par, ln1[l], ln1Mean[l], ln1Rstd[l], x, params, p.ln1w(), p.ln1b(), n, c);
      Matmul.forward(par, qkv[l], ln1[l], params, p.qkvw(), params, p.qkvb(), n, c, 3 * c);
      Attention.forward(par, atty[l], att[l], qkv[l], attScratch, b, t, c, config.nHead());
      Matmul.forward(par, bufC, atty[l], params, p.attProjW(), params, p.attProjB(), n, c, c);
      add(residual2[l], x, bufC, n * c);
      LayerNorm.forward(par, ln2[l], ln2Mean[l], ln2Rstd[l], residual2[l], params, p.ln2w(),
          p.ln2b(), n, c);
      Matmul.forward(par, fch[l], ln2[l], params, p.fcW(), params, p.fcB(), n, c, 4 * c);
      Gelu.forward(par, fchGelu[l], fch[l], n * 4 * c);
      Matmul.forward(par, bufC, fchGelu[l], params, p.fcProjW(), params, p.fcProjB(), n, 4 * c,
          c);
      add(residual3[l], residual2[l], bufC, n * c);
      x = residual3[l];
    }
    LayerNorm.forward(par, lnf, lnfMean, lnfRstd, x, params, layout.lnfw(), layout.lnfb(), n, c);
    Matmul.transpose(par, params, layout.wte(), wteT, vp, c);
    Matmul.forward(par, logits, lnf, wteT, 0, null, 0, n, c, vp);
    // The gradient is of the mean over scored positions.
    float s = scored == 0 ? 0f : scale / scored;
    SoftmaxCrossEntropy.run(par, logits, losses, targets, n, config.vocab(), vp, backward, s);
    gradientReady = false;
  }

  /** Accumulates the gradient of the last {@link #forwardForTraining} into {@link #grads()}. */
  public void backward() {
    if (!gradientReady) {
      throw new IllegalStateException("backward() needs a forwardForTraining() first");
    }
    gradientReady = false;
    int c = config.nEmbd();
    int vp = config.paddedVocab();
    float[] dlogits = logits;
    Arrays.fill(bufC, 0f);
    Matmul.backwardInput(par, bufC, dlogits, params, layout.wte(), n, c, vp);
    Matmul.backwardWeightTransposed(par, grads, layout.wte(), lnf, dlogits, n, c, vp);
    Arrays.fill(dres, 0f);
    float[] last = config.nLayer() == 0 ? encoded : residual3[config.nLayer() - 1];
    LayerNorm.backward(par, dres, grads, layout.lnfw(), layout.lnfb(), bufC, last, params,
        layout.lnfw(), lnfMean, lnfRstd, n, c);
    for (int l = config.nLayer() - 1; l >= 0; l--) {
      ParameterLayout.Block p = layout.block(l);
      float[] x = l == 0 ? encoded : residual3[l - 1];
      // MLP: fcproj = gelu(fch) W + b, fch = ln2 W + b.
      Arrays.fill(buf4C, 0f);
      Matmul.transpose(par, params, p.fcProjW(), wT, 4 * c, c);
      Matmul.backwardInput(par, buf4C, dres, wT, 0, n, 4 * c, c);
      Matmul.backwardWeight(par, grads, p.fcProjW(), fchGelu[l], dres, n, 4 * c, c);
      Matmul.backwardBias(par, grads, p.fcProjB(), dres, n, c);
      Gelu.backward(par, buf4C, fch[l], buf4C, n * 4 * c);
      Arrays.fill(bufC, 0f);
      Matmul.transpose(par, params, p.fcW(), wT, c, 4 * c);
      Matmul.backwardInput(par, bufC, buf4C, wT, 0, n, c, 4 * c);
      Matmul.backwardWeight(par, grads, p.fcW(), ln2[l], buf4C, n, c, 4 * c);
      Matmul.backwardBias(par, grads, p.fcB(), buf4C, n, 4 * c);
      LayerNorm.backward(par, dres, grads, p.ln2w(), p.ln2b(), bufC, residual2[l], params,
          p.ln2w(), ln2Mean[l], ln2Rstd[l], n, c);
      // Attention: attproj = atty W + b, atty = attention(qkv), qkv = ln1 W + b.
      Arrays.fill(bufC, 0f);
      Matmul.transpose(par, params, p.attProjW(), wT, c, c);
      Matmul.backwardInput(par, bufC, dres, wT, 0, n, c, c);
      Matmul.backwardWeight(par, grads, p.attProjW(), atty[l], dres, n, c, c);
      Matmul.backwardBias(par, grads, p.attProjB(), dres, n, c);
      Arrays.fill(buf3C, 0f);
      Attention.backward(par, buf3C, bufC, qkv[l], att[l], attScratch, b, t, c, config.nHead());
      Arrays.fill(bufC, 0f);
      Matmul.transpose(par, params, p.qkvw(), wT, c, 3 * c);
      Matmul.backwardInput(par, bufC, buf3C, wT, 0, n, c, 3 * c);
      Matmul.backwardWeight(par, grads, p.qkvw(), ln1[l], buf3C, n, c, 3 * c);
      Matmul.backwardBias(par, grads, p.qkvb(), buf3C, n, 3 * c);
      LayerNorm.backward(par, dres, grads, p.ln1w(), p.ln1b(), bufC, x, params, p.ln1w(),
          ln1Mean[l], ln1Rstd[l], n, c);
    }
    Encoder.backward(par, grads, layout.wte(), layout.wpe(), dres, inputs, b, t, c);
  }

  private void add(float[] out, float[] a, float[] bb, int len) {
    par.forRange(len, (from, to, w) -> {
      for (int i = from; i < to; i++) {
        out[i] = a[i] + bb[i];
      }
    });
  }
}
