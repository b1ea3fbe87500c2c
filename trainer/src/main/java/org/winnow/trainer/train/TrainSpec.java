package org.winnow.trainer.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a training run does. Build one with {@link #builder(List, Path)}; every setting but the
 * data and the output directory has a default.
 *
 * @param data shard-set roots read as one training dataset (their held-out splits are evaluated)
 * @param out run directory: {@code train.jsonl}, {@code eval.jsonl}, {@code checkpoint.bin},
 *     {@code eval/} per-document losses
 * @param model preset name ({@code tiny}, {@code small}, {@code gpt2-124m})
 * @param seqLen tokens per sequence; 0 for the model's context
 * @param tokens training tokens (rounded up to whole steps); ignored when {@code steps > 0}
 * @param steps optimizer steps; 0 to derive from {@code tokens}
 * @param warmupSteps linear warmup steps; -1 for 10% of the run (at most 700)
 * @param evalEvery steps between held-out evaluations (0: only at the end)
 * @param evalTokens cap on held-out tokens scored
 * @param checkpointEvery steps between checkpoints (0: only at the end)
 * @param stopAfter stop (with a checkpoint) after this many steps of this process, as if
 *     killed; 0 to run to the end. For resume tests and time-boxed runs.
 * @param resume continue from {@code out/checkpoint.bin} when it exists
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param threads CPU worker threads; 0 for the available processors
 */
public record TrainSpec(List<String> data, Path out, String model, int batch, int seqLen,
    int accumulation, long tokens, long steps, double lr, double minLrRatio, long warmupSteps,
    double weightDecay, double clip, long seed, long evalEvery, long evalTokens,
    long checkpointEvery, long stopAfter, boolean resume, String device, int threads) {

  public TrainSpec {
    data = List.copyOf(data);
    Objects.requireNonNull(out, "out");
    if (data.isEmpty()) {
      throw new IllegalArgumentException("no training data given");
    }
    if (batch <= 0 || accumulation <= 0 || seqLen < 0) {
      throw new IllegalArgumentException("batch " + batch + ", accumulation " + accumulation
          + " and sequence length " + seqLen + " must be positive");
    }
    if (steps <= 0 && tokens <= 0) {
      throw new IllegalArgumentException("give a token budget or a step count");
    }
    if (!(lr > 0) || minLrRatio < 0 || minLrRatio > 1) {
      throw new IllegalArgumentException("learning rate " + lr + " must be positive and the "
          + "minimum ratio " + minLrRatio + " within [0, 1]");
    }
    if (!List.of("auto", "cpu", "gpu").contains(device)) {
      throw new IllegalArgumentException("device must be auto, cpu or gpu, got " + device);
    }
  }

  public static Builder builder(List<String> data, Path out) {
    return new Builder(data, out);
  }

  /** Tokens per optimizer step. */
  public long tokensPerStep(int t) {
    return (long) batch * t * accumulation;
  }

  /** Defaults: tiny, batch 8, lr 6e-4 decaying to 10%, weight decay 0.1, clip 1.0, seed 1337. */
  public static final class Builder {
    private final List<String> data;
    private final Path out;
    private String model = "tiny";
    private int batch = 8;
    private int seqLen;
    private int accumulation = 1;
    private long tokens;
    private long steps;
    private double lr = 6e-4;
    private double minLrRatio = 0.1;
    private long warmupSteps = -1;
    private double weightDecay = 0.1;
    private double clip = 1.0;
    private long seed = 1337;
    private long evalEvery;
    private long evalTokens = 1L << 20;
    private long checkpointEvery;
    private long stopAfter;
    private boolean resume = true;
    private String device = "auto";
    private int threads;

    private Builder(List<String> data, Path out) {
      this.data = data;
      this.out = out;
    }

    public Builder model(String m) {
      model = m;
      return this;
    }

    public Builder batch(int b) {
      batch = b;
      return this;
    }

    public Builder seqLen(int t) {
      seqLen = t;
      return this;
    }

    public Builder accumulation(int a) {
      accumulation = a;
      return this;
    }

    public Builder tokens(long n) {
      tokens = n;
      return this;
    }

    public Builder steps(long n) {
      steps = n;
      return this;
    }

    public Builder lr(double v) {
      lr = v;
      return this;
    }

    public Builder minLrRatio(double v) {
      minLrRatio = v;
      return this;
    }

    public Builder warmupSteps(long n) {
      warmupSteps = n;
      return this;
    }

    public Builder weightDecay(double v) {
      weightDecay = v;
      return this;
    }

    public Builder clip(double v) {
      clip = v;
      return this;
    }

    public Builder seed(long s) {
      seed = s;
      return this;
    }

    public Builder evalEvery(long n) {
      evalEvery = n;
      return this;
    }

    public Builder evalTokens(long n) {
      evalTokens = n;
      return this;
    }

    public Builder checkpointEvery(long n) {
      checkpointEvery = n;
      return this;
    }

    public Builder stopAfter(long n) {
      stopAfter = n;
      return this;
    }

    public Builder resume(boolean r) {
      resume = r;
      return this;
    }

    public Builder device(String d) {
      device = d;
      return this;
    }

    public Builder threads(int n) {
      threads = n;
      return this;
    }

    public TrainSpec build() {
      return new TrainSpec(data, out, model, batch, seqLen, accumulation, tokens, steps, lr,
          minLrRatio, warmupSteps, weightDecay, clip, seed, evalEvery, evalTokens,
          checkpointEvery, stopAfter, resume, device, threads);
    }
  }
}
