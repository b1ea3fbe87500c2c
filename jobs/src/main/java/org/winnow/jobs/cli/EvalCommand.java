package org.winnow.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.winnow.trainer.train.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow eval}: a checkpoint's held-out loss per source. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Score a checkpoint on the held-out split of token shards.",
    description = {
      "Prints nats/token and bits/byte per source and pooled with 95%% bootstrap intervals over "
          + "documents, appends them to OUT/eval.jsonl and writes every document's loss to "
          + "OUT/eval/step-N.tsv, so that two runs can be compared on the same documents.",
      "MFU counts the forward pass, 2N + 2LCT FLOPs per token (a third of llm.c's training "
          + "convention), against --peak-tflops."
    })
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-c", "--checkpoint"}, required = true, paramLabel = "FILE",
      description = "A checkpoint.bin written by winnow train.")
  Path checkpoint;

  @Option(names = {"-d", "--data"}, required = true, split = ",", paramLabel = "DIR",
      description = "Shard-set directories whose held-out split is scored.")
  List<String> data = new ArrayList<>();

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Where eval.jsonl and eval/ go (default: the checkpoint's directory).")
  Path out;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "8",
      description = "Sequences per forward pass (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--seq-len", paramLabel = "T", defaultValue = "0",
      description = "Window length (default: the model's context).")
  int seqLen;

  @Option(names = "--eval-tokens", paramLabel = "N", defaultValue = "1M",
      description = "Held-out tokens scored, whole documents (default: ${DEFAULT-VALUE}).")
  String evalTokens;

  @Option(names = "--device", paramLabel = "D", defaultValue = "auto",
      description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "CPU threads (default: all processors).")
  int threads;

  @Option(names = "--peak-tflops", paramLabel = "X", defaultValue = "0",
      description = "The device's dense peak for MFU (default: none).")
  double peakTflops;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path dir = out != null ? out : checkpoint.toAbsolutePath().getParent();
    Evaluation.Result r = Evaluation.run(checkpoint, data, dir, batch, seqLen,
        TokenCount.parse(evalTokens), device, threads, line -> {
          err.println(line);
          err.flush();
        });
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "scored %,d tokens at %,.0f tokens/s, %.2f GFLOP/s%n", r.tokens(),
        r.tokensPerSecond(), r.flopsPerSecond() / 1e9);
    if (peakTflops > 0) {
      o.printf(Locale.ROOT, "MFU %.1f%% of %.0f TFLOP/s%n",
          100 * r.flopsPerSecond() / (peakTflops * 1e12), peakTflops);
    }
    o.print(r.report().table());
    o.flush();
    return 0;
  }
}
