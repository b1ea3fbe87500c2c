package org.winnow.trainer.optim;

import org.winnow.trainer.cpu.Parallel;
import org.winnow.trainer.model.ParameterLayout;

/**
 * AdamW with decoupled weight decay applied to matrices only (embeddings and linear weights; not
 * biases or LayerNorm parameters), fp32 moments beside the fp32 parameters.
 */
public final class AdamW {
  private final float beta1;
  private final float beta2;
  private final float eps;
  private final float weightDecay;
  private final float[] m;
  private final float[] v;
  private final boolean[] decayed;
  private final int[] tensorStart;

  public AdamW(ParameterLayout layout, float beta1, float beta2, float eps, float weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.m = new float[layout.size()];
    this.v = new float[layout.size()];
    this.decayed = new boolean[layout.tensors().size()];
    this.tensorStart = new int[layout.tensors().size() + 1];
    for (int i = 0; i < layout.tensors().size(); i++) {
      decayed[i] = layout.tensors().get(i).matrix();
      tensorStart[i] = layout.tensors().get(i).offset();
    }
    tensorStart[decayed.length] = layout.size();
  }

  /** GPT-2 / llm.c settings: betas 0.9 and 0.95, eps 1e-8. */
  public static AdamW standard(ParameterLayout layout, float weightDecay) {
    return new AdamW(layout, 0.9f, 0.95f, 1e-8f, weightDecay);
  }

  /** The first moments, for checkpoints. */
  public float[] m() {
    return m;
  }

  /** The second moments, for checkpoints. */
  public float[] v() {
    return v;
  }

  /**
   * One update with learning rate {@code lr}; {@code step} counts from 1 (bias correction).
   */
  public void step(Parallel par, float[] params, float[] grads, float lr, long step) {
    float c1 = (float) (1.0 - StrictMath.pow(beta1, step));
    float c2 = (float) (1.0 - StrictMath.pow(beta2, step));
    for (int k = 0; k < decayed.length; k++) {
      int from = tensorStart[k];
      int len = tensorStart[k + 1] - from;
      float wd = decayed[k] ? weightDecay : 0f;
      par.forRange(len, (a, b, w) -> {
        for (int i = from + a; i < from + b; i++) {
          float g = grads[i];
          float mi = beta1 * m[i] + (1f - beta1) * g;
          float vi = beta2 * v[i] + (1f - beta2) * g * g;
          m[i] = mi;
          v[i] = vi;
          float mh = mi / c1;
          float vh = vi / c2;
          params[i] -= lr * (mh / ((float) Math.sqrt(vh) + eps) + wd * params[i]);
        }
      });
    }
  }
}
