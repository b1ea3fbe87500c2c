package org.winnow.trainer.eval;

/** A model that scores a fixed-shape batch: the CPU or the GPU path. */
public interface Scorer {
  int batch();

  int seqLen();

  /** Runs the model on {@code batch x seqLen} inputs; returns the mean loss over scored targets. */
  float forward(int[] in, int[] target);

  /** Per-position losses of the last forward pass (0 where the target was negative). */
  float[] losses();
}
