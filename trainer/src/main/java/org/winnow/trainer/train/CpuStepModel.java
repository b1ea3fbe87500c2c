package org.winnow.trainer.train;

import org.winnow.trainer.cpu.CpuGpt;
import org.winnow.trainer.cpu.Parallel;
import org.winnow.trainer.model.GptConfig;
import org.winnow.trainer.optim.AdamW;
import org.winnow.trainer.optim.GradientClip;

/** The CPU path as a {@link StepModel}: {@link CpuGpt} with {@link AdamW} on host arrays. */
final class CpuStepModel implements StepModel {
  private final Parallel par;
  private final CpuGpt model;
  private final AdamW adam;
  private final float[] params;

  CpuStepModel(GptConfig config, float[] params, float[] m, float[] v, int batch, int seqLen,
      int threads, float weightDecay) {
    this.par = new Parallel(threads);
    this.params = params;
    this.model = new CpuGpt(config, params, batch, seqLen, par);
    this.adam = AdamW.standard(model.layout(), weightDecay);
    if (m != null) {
      System.arraycopy(m, 0, adam.m(), 0, m.length);
      System.arraycopy(v, 0, adam.v(), 0, v.length);
    }
  }

  @Override
  public int batch() {
    return model.batch();
  }

  @Override
  public int seqLen() {
    return model.seqLen();
  }

  @Override
  public float forward(int[] in, int[] target) {
    return model.forward(in, target);
  }

  @Override
  public float[] losses() {
    return model.losses();
  }

  @Override
  public void zeroGrad() {
    model.zeroGrad();
  }

  @Override
  public float forwardForTraining(int[] in, int[] target, float scale) {
    return model.forwardForTraining(in, target, scale);
  }

  @Override
  public void backward() {
    model.backward();
  }

  @Override
  public double step(float lr, long step, double clip) {
    double norm = GradientClip.clip(model.grads(), clip);
    if (Double.isFinite(norm)) {
      adam.step(par, params, model.grads(), lr, step);
    }
    return norm;
  }

  @Override
  public void state(float[] p, float[] m, float[] v) {
    if (p != params) {
      System.arraycopy(params, 0, p, 0, p.length);
    }
    System.arraycopy(adam.m(), 0, m, 0, m.length);
    System.arraycopy(adam.v(), 0, v, 0, v.length);
  }

  @Override
  public String device() {
    return "cpu (" + par.threads() + " threads, " + CpuGpt.kernelDescription() + ")";
  }

  @Override
  public void close() {
    par.close();
  }
}
