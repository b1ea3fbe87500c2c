package org.winnow.trainer.train;

import java.util.Locale;
import java.util.Optional;
import org.winnow.trainer.eval.EvalReport;
import org.winnow.trainer.model.GptConfig;

/**
 * The outcome of a training run (or of the part of it this process ran).
 *
 * @param firstLoss training loss of the first step this process ran
 * @param lastLoss training loss of the last step
 * @param tokensPerSecond training tokens per second of this process's steps (evaluation and
 *     checkpoints excluded)
 * @param flopsPerSecond model FLOPs per second by llm.c's convention ({@link
 *     GptConfig#flopsPerToken})
 * @param heldout the held-out evaluation after the last step (empty without held-out data)
 */
public record TrainSummary(GptConfig config, String device, long step, long totalSteps,
    long tokensSeen, float firstLoss, float lastLoss, double tokensPerSecond,
    double flopsPerSecond, Optional<EvalReport> heldout) {

  /** Model FLOPs utilisation against a peak of {@code peakFlops} per second. */
  public double mfu(double peakFlops) {
    return flopsPerSecond / peakFlops;
  }

  /** The summary printed at the end of {@code winnow train}. */
  public String render(double peakFlops, String peakName) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "model        %s (%,d parameters) on %s%n", config,
        config.parameterCount(), device));
    sb.append(String.format(Locale.ROOT, "steps        %d of %d, %,d tokens%n", step, totalSteps,
        tokensSeen));
    if (Float.isNaN(firstLoss)) {
      // Resumed from a checkpoint of a finished run: no step ran, so no loss or rate to show.
      sb.append("train loss   none: no step ran in this process (the checkpoint is at the last "
          + "step)\n");
    } else {
      sb.append(String.format(Locale.ROOT, "train loss   %.4f -> %.4f%n", firstLoss, lastLoss));
      sb.append(String.format(Locale.ROOT, "throughput   %,.0f tokens/s, %.2f GFLOP/s%n",
          tokensPerSecond, flopsPerSecond / 1e9));
      if (peakFlops > 0) {
        sb.append(String.format(Locale.ROOT, "MFU          %.1f%% of %s (6N + 6LCT FLOPs per "
            + "token, llm.c's convention)%n", 100 * mfu(peakFlops), peakName));
      } else {
        sb.append("MFU          n/a: no peak given for this device (--peak-tflops); FLOPs per "
            + "token are 6N + 6LCT, llm.c's convention\n");
      }
    }
    heldout.ifPresent(r -> sb.append(r.table()));
    return sb.toString();
  }
}
