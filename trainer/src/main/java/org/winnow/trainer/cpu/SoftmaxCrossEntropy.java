package org.winnow.trainer.cpu;

/**
 * Softmax over the real vocabulary (padded columns get probability 0) fused with the
 * cross-entropy loss and, when asked, its gradient written over the logits in place: {@code
 * dlogits = (p - onehot(target)) * scale}. A target below 0 marks a position that is not scored:
 * its loss and gradient are 0.
 *
 * <p>Three passes over each row (the maximum, the sum of exponentials, the gradient), on whole
 * vectors where the JVM has the Vector API ({@link VectorSoftmax}), with {@link FastExp}; the sum
 * and the log-sum are kept in double. Each row's result has a fixed order of operations, whatever
 * the thread count.
 */
public final class SoftmaxCrossEntropy {
  private SoftmaxCrossEntropy() {}

  /** Writes each row's loss (nats) to {@code losses}; with {@code backward}, the gradient too. */
  public static void run(Parallel par, float[] logits, float[] losses, int[] targets, int n,
      int vocab, int paddedVocab, boolean backward, float scale) {
    run(Gemm.VECTOR, par, logits, losses, targets, n, vocab, paddedVocab, backward, scale);
  }

  /** As the public {@code run}, with the kernel chosen: {@code vector} needs the Vector API. */
  static void run(boolean vector, Parallel par, float[] logits, float[] losses, int[] targets,
      int n, int vocab, int paddedVocab, boolean backward, float scale) {
    par.forRange(n, (from, to, worker) -> {
      for (int r = from; r < to; r++) {
        int x = r * paddedVocab;
        int target = targets[r];
        if (target >= vocab) {
          throw new IllegalArgumentException("target token " + target
              + " outside the vocabulary of " + vocab);
        }
        float max = vector ? VectorSoftmax.max(logits, x, vocab) : max(logits, x, vocab);
        double sum = vector ? VectorSoftmax.sumExp(logits, x, vocab, max)
            : sumExp(logits, x, vocab, max);
        double logSum = Math.log(sum) + max;
        losses[r] = target >= 0 ? (float) (logSum - logits[x + target]) : 0f;
        if (!backward) {
          continue;
        }
        if (target < 0) {
          java.util.Arrays.fill(logits, x, x + paddedVocab, 0f);
          continue;
        }
        float shift = (float) logSum;
        float targetProb = FastExp.exp(logits[x + target] - shift);
        if (vector) {
          VectorSoftmax.scaledExp(logits, x, vocab, shift, scale);
        } else {
          for (int v = 0; v < vocab; v++) {
            logits[x + v] = FastExp.exp(logits[x + v] - shift) * scale;
          }
        }
        logits[x + target] = (targetProb - 1f) * scale;
        java.util.Arrays.fill(logits, x + vocab, x + paddedVocab, 0f);
      }
    });
  }

  private static float max(float[] a, int from, int len) {
    float max = Float.NEGATIVE_INFINITY;
    for (int v = 0; v < len; v++) {
      max = Math.max(max, a[from + v]);
    }
    return max;
  }

  private static double sumExp(float[] a, int from, int len, float shift) {
    double sum = 0;
    for (int v = 0; v < len; v++) {
      sum += FastExp.exp(a[from + v] - shift);
    }
    return sum;
  }
}
