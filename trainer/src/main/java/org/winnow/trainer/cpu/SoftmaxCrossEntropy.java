package org.winnow.trainer.cpu;

/**
 * Softmax over the real vocabulary (padded columns get probability 0) fused with the
 * cross-entropy loss and, when asked, its gradient written over the logits in place: {@code
 * dlogits = (p - onehot(target)) * scale}. A target below 0 marks a position that is not scored:
 * its loss and gradient are 0.
 */
public final class SoftmaxCrossEntropy {
  private SoftmaxCrossEntropy() {}

  /** Writes each row's loss (nats) to {@code losses}; with {@code backward}, the gradient too. */
  public static void run(Parallel par, float[] logits, float[] losses, int[] targets, int n,
      int vocab, int paddedVocab, boolean backward, float scale) {
    par.forRange(n, (from, to, worker) -> {
      for (int r = from; r < to; r++) {
        int x = r * paddedVocab;
        int target = targets[r];
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
          max = Math.max(max, logits[x + v]);
        }
        double sum = 0;
        for (int v = 0; v < vocab; v++) {
          sum += Math.exp(logits[x + v] - max);
        }
        double logSum = Math.log(sum) + max;
        if (target >= 0) {
          if (target >= vocab) {
            throw new IllegalArgumentException("target token " + target + " outside the vocabulary of "
                + vocab);
          }
          losses[r] = (float) (logSum - logits[x + target]);
        } else {
          losses[r] = 0f;
        }
        if (backward) {
          if (target < 0) {
            java.util.Arrays.fill(logits, x, x + paddedVocab, 0f);
            continue;
          }
          for (int v = 0; v < vocab; v++) {
            float prob = (float) Math.exp(logits[x + v] - logSum);
            logits[x + v] = (prob - (v == target ? 1f : 0f)) * scale;
          }
          java.util.Arrays.fill(logits, x + vocab, x + paddedVocab, 0f);
        }
      }
    });
  }
}
