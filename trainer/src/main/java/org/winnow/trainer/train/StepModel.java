package org.winnow.trainer.train;

import org.winnow.trainer.eval.Scorer;

/** What the training loop needs of a model on a device: a step, and its state for checkpoints. */
interface StepModel extends Scorer, AutoCloseable {
  void zeroGrad();

  /** Forward pass keeping the gradient of {@code scale} x the mean loss; returns the mean loss. */
  float forwardForTraining(int[] in, int[] target, float scale);

  /** Accumulates the gradient of the last training forward pass. */
  void backward();

  /**
   * Clips the gradient by global norm and applies AdamW with rate {@code lr} ({@code step} from
   * 1); returns the norm before clipping (not finite when the gradient is not).
   */
  double step(float lr, long step, double clip);

  /** Copies parameters and both AdamW moments into the host arrays. */
  void state(float[] params, float[] m, float[] v);

  /** Where it runs, for the summary. */
  String device();

  @Override
  void close();
}
