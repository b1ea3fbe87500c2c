package org.winnow.trainer.train;

import java.io.IOException;
import java.util.function.Consumer;
import java.nio.file.Path;
import java.util.List;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.store.ShardStores;
import org.winnow.trainer.cpu.CpuGpt;
import org.winnow.trainer.cpu.Parallel;
import org.winnow.trainer.eval.EvalReport;
import org.winnow.trainer.eval.Evaluator;
import org.winnow.trainer.eval.HeldoutDocument;
import org.winnow.trainer.eval.HeldoutSet;
import org.winnow.trainer.eval.Scorer;
import org.winnow.trainer.gpu.CudaKernels;
import org.winnow.trainer.gpu.DeviceChoice;
import org.winnow.trainer.gpu.GpuGpt;

/**
 * Scores a checkpoint on the held-out split of shard sets: {@code winnow eval}. The per-document
 * losses go to {@code out/eval/step-NNNNNNNN.tsv} beside {@code out/eval.jsonl}.
 */
public final class Evaluation {
  private Evaluation() {}

  /** The result and how fast it was computed. */
  public record Result(EvalReport report, long tokens, double tokensPerSecond,
      double flopsPerSecond) {}

  public static Result run(Path checkpoint, List<String> data, Path out, int batch, int seqLen,
      long maxTokens, String device, int threads, Consumer<String> progress) throws IOException {
    Checkpoint c = Checkpoint.read(checkpoint);
    String root = data.get(0);
    int eot = ShardManifest.read(ShardStores.forRoot(root), root).tokenizer().eotId();
    boolean gpu = DeviceChoice.resolve(device, progress).equals("gpu");
    int t = seqLen > 0 ? seqLen : c.config().context();
    List<HeldoutDocument> docs = HeldoutSet.read(data, c.tokenizerSha256(), maxTokens);
    if (docs.isEmpty()) {
      throw new IllegalArgumentException("no held-out documents in " + data);
    }
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    try (Parallel par = new Parallel(n);
        GpuGpt onGpu = gpu ? new GpuGpt(CudaKernels.load(), c.config(), c.params(), batch, t)
            : null) {
      long start = System.nanoTime();
      Scorer scorer = gpu ? onGpu : new CpuGpt(c.config(), c.params(), batch, t, par);
      EvalReport r = new Evaluator(scorer, eot).evaluate(c.step(), docs, c.seed());
      double seconds = (System.nanoTime() - start) / 1e9;
      long tokens = r.pooled().tokens();
      Training.writeEval(r, out);
      double tps = tokens / seconds;
      // A forward pass is a third of llm.c's 6N + 6LCT training FLOPs per token.
      return new Result(r, tokens, tps, tps * c.config().flopsPerToken(t) / 3);
    }
  }
}
