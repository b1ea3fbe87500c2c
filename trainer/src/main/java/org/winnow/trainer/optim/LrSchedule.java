package org.winnow.trainer.optim;

/**
 * Linear warmup to {@code maxLr} over {@code warmupSteps}, then cosine decay to {@code minLr} at
 * {@code totalSteps}.
 */
public record LrSchedule(double maxLr, double minLr, long warmupSteps, long totalSteps) {
  public LrSchedule {
    if (!(maxLr > 0) || minLr < 0 || minLr > maxLr || warmupSteps < 0 || totalSteps <= 0) {
      throw new IllegalArgumentException("bad schedule: max " + maxLr + ", min " + minLr
          + ", warmup " + warmupSteps + ", total " + totalSteps);
    }
  }

  /** The rate for step {@code step}, counted from 0. */
  public float at(long step) {
    if (step < warmupSteps) {
      return (float) (maxLr * (step + 1) / warmupSteps);
    }
    if (step >= totalSteps) {
      return (float) minLr;
    }
    double span = Math.max(1, totalSteps - warmupSteps);
    double progress = (step - warmupSteps) / span;
    double cos = 0.5 * (1 + StrictMath.cos(Math.PI * progress));
    return (float) (minLr + cos * (maxLr - minLr));
  }
}
