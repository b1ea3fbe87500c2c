package org.winnow.loader;

/**
 * Which dataset each sequence is drawn from: the one furthest behind its target share ("largest
 * sampling error first", as Megatron-LM blends), ties to the lowest index. A pure function of the
 * sample index and the counts so far, so every prefix of the stream is within one sequence per
 * dataset of the target mixture.
 */
final class MixtureSchedule {
  private final double[] weights;

  MixtureSchedule(double[] rawWeights) {
    double sum = 0;
    for (double w : rawWeights) {
      sum += w;
    }
    weights = new double[rawWeights.length];
    for (int i = 0; i < rawWeights.length; i++) {
      weights[i] = rawWeights[i] / sum;
    }
  }

  /** The dataset for sample {@code k}, given how many samples each dataset has had. */
  int choose(long k, long[] counts) {
    int best = 0;
    double bestError = Double.NEGATIVE_INFINITY;
    for (int d = 0; d < weights.length; d++) {
      double error = weights[d] * (k + 1) - counts[d];
      if (error > bestError) {
        bestError = error;
        best = d;
      }
    }
    return best;
  }
}
