package org.winnow.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.winnow.trainer.train.TrainSpec;
import org.winnow.trainer.train.TrainSummary;
import org.winnow.trainer.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code winnow train}: a GPT trained on token shards, judged on their held-out split. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Train a GPT on token shards and report held-out loss per source.",
    description = {
      "Streams batches from the shards' train split, trains with AdamW (warmup then cosine "
          + "decay, gradient clipping), logs loss and throughput per step to OUT/train.jsonl, "
          + "checkpoints to OUT/checkpoint.bin and evaluates on the held-out split: nats/token "
          + "and bits/byte per source and pooled, with 95%% bootstrap intervals over documents "
          + "(OUT/eval.jsonl; per-document losses in OUT/eval/).",
      "A run directory that holds a checkpoint is resumed unless --fresh is given.",
      "MFU counts 6N + 6LCT FLOPs per token (llm.c's convention) against --peak-tflops."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-d", "--data"}, required = true, split = ",", paramLabel = "DIR",
      description = "Shard-set directories (each with manifest.json), read as one dataset.")
  List<String> data = new ArrayList<>();

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
      description = "Run directory.")
  Path out;

  @Option(names = "--model", paramLabel = "NAME", defaultValue = "tiny",
      description = "micro, tiny, small or gpt2-124m (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--tokens", paramLabel = "N", defaultValue = "20M",
      description = "Training tokens, e.g. 20M (default: ${DEFAULT-VALUE}); --steps wins.")
  String tokens;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "0",
      description = "Optimizer steps (default: from --tokens).")
  long steps;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "8",
      description = "Sequences per micro-batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--seq-len", paramLabel = "T", defaultValue = "0",
      description = "Tokens per sequence (default: the model's context).")
  int seqLen;

  @Option(names = "--grad-accum", paramLabel = "K", defaultValue = "1",
      description = "Micro-batches per optimizer step (default: ${DEFAULT-VALUE}).")
  int accumulation;

  @Option(names = "--lr", paramLabel = "X", defaultValue = "6e-4",
      description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--warmup-steps", paramLabel = "N", defaultValue = "-1",
      description = "Warmup steps (default: 10%% of the run, at most 700).")
  long warmup;

  @Option(names = "--weight-decay", paramLabel = "X", defaultValue = "0.1",
      description = "AdamW weight decay on matrices (default: ${DEFAULT-VALUE}).")
  double weightDecay;

  @Option(names = "--clip", paramLabel = "X", defaultValue = "1.0",
      description = "Gradient clipping by global norm; 0 for none (default: ${DEFAULT-VALUE}).")
  double clip;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1337",
      description = "Seed of the initialisation and the data order (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--eval-every", paramLabel = "N", defaultValue = "0",
      description = "Steps between held-out evaluations (default: at the end only).")
  long evalEvery;

  @Option(names = "--eval-tokens", paramLabel = "N", defaultValue = "1M",
      description = "Held-out tokens scored, whole documents (default: ${DEFAULT-VALUE}).")
  String evalTokens;

  @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
      description = "Steps between checkpoints (default: at the end only).")
  long checkpointEvery;

  @Option(names = "--fresh", description = "Start over even if OUT holds a checkpoint.")
  boolean fresh;

  @Option(names = "--device", paramLabel = "D", defaultValue = "auto",
      description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "CPU threads (default: all processors).")
  int threads;

  @Option(names = "--peak-tflops", paramLabel = "X", defaultValue = "0",
      description = "The device's dense peak for MFU, e.g. 989 for an H100 SXM in bf16 "
          + "(default: none; MFU not printed).")
  double peakTflops;

  @Override
  public Integer call() throws Exception {
    TrainSpec job;
    try {
      job = TrainSpec.builder(data, out).model(model).tokens(TokenCount.parse(tokens))
          .steps(steps).batch(batch).seqLen(seqLen).accumulation(accumulation).lr(lr)
          .warmupSteps(warmup).weightDecay(weightDecay).clip(clip).seed(seed)
          .evalEvery(evalEvery).evalTokens(TokenCount.parse(evalTokens))
          .checkpointEvery(checkpointEvery).resume(!fresh).device(device).threads(threads)
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    TrainSummary s = Training.run(job, line -> {
      err.println(line);
      err.flush();
    });
    spec.commandLine().getOut().print(s.render(peakTflops * 1e12, peakTflops + " TFLOP/s"));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
