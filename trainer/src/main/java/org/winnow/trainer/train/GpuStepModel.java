package org.winnow.trainer.train;

import org.winnow.trainer.gpu.CudaKernels;
import org.winnow.trainer.gpu.GpuGpt;
import org.winnow.trainer.model.GptConfig;

/** The GPU path as a {@link StepModel}: {@link GpuGpt}, state on the device. */
final class GpuStepModel implements StepModel {
  private final GpuGpt model;
  private final int batch;
  private final int seqLen;
  private final float weightDecay;
  private final String device;

  GpuStepModel(GptConfig config, float[] params, float[] m, float[] v, int batch, int seqLen,
      float weightDecay, String device) {
    this.model = new GpuGpt(CudaKernels.load(), config, params, batch, seqLen);
    if (m != null) {
      model.uploadMoments(m, v);
    }
    this.batch = batch;
    this.seqLen = seqLen;
    this.weightDecay = weightDecay;
    this.device = device;
  }

  @Override
  public int batch() {
    return batch;
  }

  @Override
  public int seqLen() {
    return seqLen;
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
    try {
      return model.step(lr, step, weightDecay, clip);
    } catch (IllegalStateException e) {
      return Double.NaN; // a NaN or an infinity in the gradient: the loop reports divergence
    }
  }

  @Override
  public void state(float[] p, float[] m, float[] v) {
    model.downloadState(p, m, v);
  }

  @Override
  public String device() {
    return device;
  }

  @Override
  public void close() {
    model.close();
  }
}
