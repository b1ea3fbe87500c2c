package org.winnow.trainer.train;

import java.io.IOException;
import java.util.function.Consumer;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.winnow.loader.Batch;
import org.winnow.loader.DatasetSpec;
import org.winnow.loader.TokenLoader;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.TokenizerIdentity;
import org.winnow.loader.state.LoaderState;
import org.winnow.loader.store.ShardStores;
import org.winnow.trainer.eval.DocumentLossTable;
import org.winnow.trainer.eval.EvalReport;
import org.winnow.trainer.eval.Evaluator;
import org.winnow.trainer.eval.HeldoutDocument;
import org.winnow.trainer.eval.HeldoutSet;
import org.winnow.trainer.gpu.DeviceChoice;
import org.winnow.trainer.model.GptConfig;
import org.winnow.trainer.model.Initializer;
import org.winnow.trainer.optim.LrSchedule;

/**
 * A training run: shards in through the loader, AdamW steps on the model, loss and throughput
 * per step to {@code train.jsonl}, held-out evaluation to {@code eval.jsonl} and {@code eval/},
 * checkpoints to {@code checkpoint.bin}. Resumes from the checkpoint when there is one, and then
 * produces exactly the losses the uninterrupted run would have (on the CPU path).
 *
 * <pre>{@code
 * TrainSummary s = Training.run(TrainSpec.builder(List.of("shards/"), Path.of("runs/a"))
 *     .model("tiny").tokens(20_000_000).build(), System.err);
 * System.out.print(s.render(0, "n/a"));
 * }</pre>
 */
public final class Training {
  public static final String CHECKPOINT = "checkpoint.bin";
  public static final String TRAIN_LOG = "train.jsonl";
  public static final String EVAL_LOG = "eval.jsonl";

  private Training() {}

  public static TrainSummary run(TrainSpec spec, Consumer<String> progress) throws IOException {
    String firstRoot = spec.data().get(0);
    TokenizerIdentity tokenizer =
        ShardManifest.read(ShardStores.forRoot(firstRoot), firstRoot).tokenizer();
    GptConfig config = GptConfig.preset(spec.model(), tokenizer.vocabSize());
    int t = spec.seqLen() > 0 ? spec.seqLen() : config.context();
    if (t > config.context()) {
      throw new IllegalArgumentException("sequence length " + t + " exceeds " + spec.model()
          + "'s context of " + config.context());
    }
    String device = DeviceChoice.resolve(spec.device(), progress);
    int threads = spec.threads() > 0 ? spec.threads() : Runtime.getRuntime().availableProcessors();
    Path out = spec.out();
    Files.createDirectories(out);
    Path ckptFile = out.resolve(CHECKPOINT);

    float[] params;
    long step = 0;
    long tokensSeen = 0;
    LoaderState loaderState = null;
    Checkpoint resumed = null;
    if (spec.resume() && Files.exists(ckptFile)) {
      resumed = Checkpoint.read(ckptFile);
      if (!resumed.config().equals(config)) {
        throw new IllegalArgumentException(ckptFile + " holds a model " + resumed.config()
            + ", this run asks for " + config);
      }
      if (!resumed.tokenizerSha256().equals(tokenizer.sha256())) {
        throw new IllegalArgumentException(ckptFile + " was trained with tokenizer "
            + resumed.tokenizerSha256() + ", the data uses " + tokenizer.sha256());
      }
      if (resumed.seed() != spec.seed()) {
        throw new IllegalArgumentException(ckptFile + " was started with seed "
            + resumed.seed() + ", this run has seed " + spec.seed());
      }
      params = resumed.params();
      step = resumed.step();
      tokensSeen = resumed.tokensSeen();
      loaderState = LoaderState.fromJson(resumed.loaderState());
      progress.accept(String.format(Locale.ROOT, "resuming from %s at step %d", ckptFile, step));
    } else {
      params = Initializer.initialise(config, spec.seed());
      Files.deleteIfExists(out.resolve(TRAIN_LOG));
      Files.deleteIfExists(out.resolve(EVAL_LOG));
    }

    long perStep = spec.tokensPerStep(t);
    long totalSteps = spec.steps() > 0 ? spec.steps() : (spec.tokens() + perStep - 1) / perStep;
    long warmup = spec.warmupSteps() >= 0 ? spec.warmupSteps()
        : Math.min(700, Math.max(1, totalSteps / 10));
    LrSchedule schedule = new LrSchedule(spec.lr(), spec.lr() * spec.minLrRatio(), warmup,
        totalSteps);
    List<HeldoutDocument> heldout = HeldoutSet.read(spec.data(), tokenizer.sha256(),
        spec.evalTokens());

    float[] m0 = resumed == null ? null : resumed.m();
    float[] v0 = resumed == null ? null : resumed.v();
    try (StepModel model = device.equals("gpu")
            ? new GpuStepModel(config, params, m0, v0, spec.batch(), t,
                (float) spec.weightDecay(), "gpu")
            : new CpuStepModel(config, params, m0, v0, spec.batch(), t, threads,
                (float) spec.weightDecay());
        TokenLoader loader = TokenLoader.builder()
            .dataset(DatasetSpec.of("train", spec.data().toArray(new String[0])))
            .tokenizerSha256(tokenizer.sha256())
            .batchSize(spec.batch()).seqLen(t).seed(spec.seed())
            .decodeThreads(1)
            .resumeFrom(loaderState)
            .build();
        Writer trainLog = append(out.resolve(TRAIN_LOG));
        Writer evalLog = append(out.resolve(EVAL_LOG))) {
      float[] m = new float[params.length];
      float[] v = new float[params.length];
      Evaluator evaluator = new Evaluator(model, tokenizer.eotId());
      int[] in = new int[spec.batch() * t];
      int[] target = new int[spec.batch() * t];
      float firstLoss = Float.NaN;
      float lastLoss = Float.NaN;
      long trainNanos = 0;
      long loaderNanos = 0;
      long ran = 0;
      long every = Math.max(1, totalSteps / 50);
      while (step < totalSteps && (spec.stopAfter() == 0 || ran < spec.stopAfter())) {
        long start = System.nanoTime();
        model.zeroGrad();
        double lossSum = 0;
        long waited = 0;
        for (int a = 0; a < spec.accumulation(); a++) {
          // The loader's cost as the step sees it: waiting for the batch and copying it out.
          long fetch = System.nanoTime();
          Batch batch = loader.next();
          batch.inputs(in);
          batch.targets(target);
          waited += System.nanoTime() - fetch;
          lossSum += model.forwardForTraining(in, target, 1f / spec.accumulation());
          model.backward();
        }
        float loss = (float) (lossSum / spec.accumulation());
        float lr = schedule.at(step);
        double norm = Float.isFinite(loss) ? model.step(lr, step + 1, spec.clip()) : Double.NaN;
        if (!Float.isFinite(loss) || !Double.isFinite(norm)) {
          throw new IllegalStateException("training diverged at step " + (step + 1) + ": loss "
              + loss + ", gradient norm " + norm + "; no update was applied; lower the learning "
              + "rate");
        }
        step++;
        ran++;
        tokensSeen += perStep;
        long nanos = System.nanoTime() - start;
        trainNanos += nanos;
        loaderNanos += waited;
        if (Float.isNaN(firstLoss)) {
          firstLoss = loss;
        }
        lastLoss = loss;
        double tps = perStep / (nanos / 1e9);
        trainLog.write(new Json().put("step", step).put("loss", loss).put("lr", lr)
            .put("grad_norm", norm).put("tokens", tokensSeen).put("ms", nanos / 1e6)
            .put("loader_us", waited / 1e3).put("tokens_per_s", tps).toString() + "\n");
        trainLog.flush();
        if (step % every == 0 || step == totalSteps) {
          progress.accept(String.format(Locale.ROOT,
              "step %d/%d  loss %.4f  lr %.2e  %,.0f tokens/s", step, totalSteps, loss, lr, tps));
        }
        if (spec.evalEvery() > 0 && step % spec.evalEvery() == 0 && step < totalSteps
            && !heldout.isEmpty()) {
          logEval(evaluator.evaluate(step, heldout, spec.seed()), out, evalLog);
        }
        if (spec.checkpointEvery() > 0 && step % spec.checkpointEvery() == 0) {
          save(ckptFile, config, step, tokensSeen, spec, loader, tokenizer, model, params, m, v);
        }
      }
      save(ckptFile, config, step, tokensSeen, spec, loader, tokenizer, model, params, m, v);
      Optional<EvalReport> report = Optional.empty();
      if (step == totalSteps && !heldout.isEmpty()) {
        EvalReport r = evaluator.evaluate(step, heldout, spec.seed());
        logEval(r, out, evalLog);
        report = Optional.of(r);
      }
      double seconds = trainNanos / 1e9;
      double tps = ran == 0 ? 0 : ran * perStep / seconds;
      if (ran > 0) {
        progress.accept(String.format(Locale.ROOT,
            "loader: %,.0f µs per step waiting for and copying batches, %.4f%% of the step time",
            loaderNanos / 1e3 / ran, 100.0 * loaderNanos / trainNanos));
      }
      return new TrainSummary(config, model.device(), step, totalSteps,
          tokensSeen, firstLoss, lastLoss, tps, tps * config.flopsPerToken(t), report);
    }
  }

  private static void save(Path file, GptConfig config, long step, long tokens, TrainSpec spec,
      TokenLoader loader, TokenizerIdentity tokenizer, StepModel model, float[] params,
      float[] m, float[] v) throws IOException {
    model.state(params, m, v);
    new Checkpoint(config, step, tokens, spec.seed(), loader.state().toJson(),
        tokenizer.sha256(), params, m, v).write(file);
  }

  /** Appends {@code r} to {@code out/eval.jsonl} and writes its per-document losses. */
  static void writeEval(EvalReport r, Path out) throws IOException {
    Files.createDirectories(out);
    try (Writer w = append(out.resolve(EVAL_LOG))) {
      logEval(r, out, w);
    }
  }

  private static void logEval(EvalReport r, Path out, Writer log) throws IOException {
    Json j = new Json().put("step", r.step());
    StringBuilder sources = new StringBuilder("{");
    for (int i = 0; i < r.perSource().size(); i++) {
      var e = r.perSource().get(i);
      if (i > 0) {
        sources.append(',');
      }
      sources.append(quote(e.name())).append(':').append(estimate(e));
    }
    sources.append('}');
    j.putRaw("sources", sources.toString()).putRaw("pooled", estimate(r.pooled()));
    log.write(j + "\n");
    log.flush();
    Path dir = out.resolve("eval");
    Files.createDirectories(dir);
    DocumentLossTable.write(dir.resolve(String.format(Locale.ROOT, "step-%08d.tsv", r.step())),
        r.documents());
  }

  private static String estimate(org.winnow.trainer.eval.LossEstimate e) {
    return new Json().put("documents", e.documents()).put("tokens", e.tokens())
        .put("bytes", e.bytes()).put("nats_per_token", e.natsPerToken())
        .put("nats_low", e.natsLow()).put("nats_high", e.natsHigh())
        .put("bits_per_byte", e.bitsPerByte()).put("bpb_low", e.bpbLow())
        .put("bpb_high", e.bpbHigh()).toString();
  }

  private static String quote(String s) {
    String j = new Json().put("k", s).toString();
    return j.substring(5, j.length() - 1);
  }

  private static Writer append(Path p) throws IOException {
    return Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
