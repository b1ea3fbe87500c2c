package org.winnow.filter.classify;

/**
 * How to train a {@link QualityClassifier}.
 *
 * @param bits         log2 of the number of feature buckets (fastText's default bucket count
 *                     is 2M, about 2^21)
 * @param epochs       passes over the training set
 * @param learningRate initial SGD step, decayed linearly to zero as fastText does
 * @param seed         seed of the example order; same data, settings and seed give the same
 *                     model, byte for byte
 */
public record TrainingSettings(int bits, int epochs, double learningRate, long seed) {
  /** 2^20 buckets (4 MiB of weights), 5 epochs, step 0.5, seed 42. */
  public static final TrainingSettings DEFAULTS = new TrainingSettings(20, 5, 0.5, 42);

  public TrainingSettings {
    if (bits < 1 || bits > QualityClassifier.MAX_BITS) {
      throw new IllegalArgumentException(
          "bits must be in [1, " + QualityClassifier.MAX_BITS + "], got " + bits);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
    }
  }
}
