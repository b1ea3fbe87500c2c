package org.winnow.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.trainer.testing.PatternShards;

/** Whole training runs on real shards: determinism, kill-and-resume, logs. */
class TrainingTest {
  @TempDir static Path dir;
  static Path data;

  @BeforeAll
  static void shards() throws IOException {
    data = PatternShards.write(dir.resolve("shards"), 11, 300);
  }

  static TrainSpec.Builder spec(Path out) {
    return TrainSpec.builder(List.of(data.toString()), out).model("micro").batch(4).seqLen(32)
        .steps(8).lr(1e-3).warmupSteps(2).evalTokens(3000).device("cpu").threads(2);
  }

  static List<String> losses(Path run) throws IOException {
    return Files.readAllLines(run.resolve(Training.TRAIN_LOG)).stream()
        .map(l -> l.replaceAll(".*\"loss\":([^,]*),.*", "$1")).toList();
  }

  static TrainSummary run(TrainSpec s) throws IOException {
    return Training.run(s, line -> { });
  }

  @Test
  void sameSeedGivesBitwiseIdenticalLossesWhateverTheThreadCount() throws IOException {
    run(spec(dir.resolve("a")).build());
    run(spec(dir.resolve("b")).threads(1).build());
    List<String> a = losses(dir.resolve("a"));
    assertEquals(8, a.size());
    assertEquals(a, losses(dir.resolve("b")));
    assertArrayEquals(Checkpoint.read(dir.resolve("a").resolve(Training.CHECKPOINT)).params(),
        Checkpoint.read(dir.resolve("b").resolve(Training.CHECKPOINT)).params());
    // A different seed is a different run.
    run(spec(dir.resolve("c")).seed(99).build());
    assertTrue(!a.equals(losses(dir.resolve("c"))));
  }

  @Test
  void everyStepLogsTheLoadersShareAndTheRunReportsIt() throws IOException {
    List<String> progress = new java.util.ArrayList<>();
    Training.run(spec(dir.resolve("loader")).build(), progress::add);
    for (String line : Files.readAllLines(dir.resolve("loader").resolve(Training.TRAIN_LOG))) {
      double us = Double.parseDouble(line.replaceAll(".*\"loader_us\":([^,}]*).*", "$1"));
      double ms = Double.parseDouble(line.replaceAll(".*\"ms\":([^,}]*).*", "$1"));
      assertTrue(us > 0 && us < ms * 1000, line);
    }
    assertTrue(progress.stream().anyMatch(l -> l.startsWith("loader: ")
        && l.contains("% of the step time")), progress.toString());
  }

  @Test
  void killedAndResumedRunContinuesWithExactlyTheSameLosses() throws IOException {
    run(spec(dir.resolve("whole")).build());
    TrainSummary first = run(spec(dir.resolve("resumed")).stopAfter(3).build());
    assertEquals(3, first.step());
    assertTrue(first.heldout().isEmpty(), "a stopped run does not evaluate");
    TrainSummary rest = run(spec(dir.resolve("resumed")).build());
    assertEquals(8, rest.step());
    assertEquals(losses(dir.resolve("whole")), losses(dir.resolve("resumed")));
    Checkpoint w = Checkpoint.read(dir.resolve("whole").resolve(Training.CHECKPOINT));
    Checkpoint r = Checkpoint.read(dir.resolve("resumed").resolve(Training.CHECKPOINT));
    assertArrayEquals(w.params(), r.params());
    assertArrayEquals(w.m(), r.m());
    assertArrayEquals(w.v(), r.v());
    assertEquals(w.loaderState(), r.loaderState());
    // Both ran to the end and evaluated the same documents to the same losses.
    assertEquals(Files.readAllLines(dir.resolve("whole/eval/step-00000008.tsv")),
        Files.readAllLines(dir.resolve("resumed/eval/step-00000008.tsv")));
  }

  @Test
  void lossFallsAndTheHeldOutTableIsWritten() throws IOException {
    Path out = dir.resolve("learn");
    TrainSummary s = run(spec(out).steps(60).batch(8).seqLen(64).lr(1e-2).warmupSteps(5)
        .evalEvery(30).build());
    assertTrue(s.lastLoss() < s.firstLoss() - 1.5, "loss " + s.firstLoss() + " -> "
        + s.lastLoss());
    var report = s.heldout().orElseThrow();
    assertEquals(List.of("alpha", "beta"),
        report.perSource().stream().map(e -> e.name()).sorted().toList());
    assertTrue(report.pooled().natsPerToken() < Math.log(PatternShards.VOCAB) - 1.5);
    assertEquals(2, Files.readAllLines(out.resolve(Training.EVAL_LOG)).size());
    assertTrue(Files.exists(out.resolve("eval/step-00000030.tsv")));
    String table = s.render(0, "n/a");
    assertTrue(table.contains("pooled") && table.contains("bits/byte"), table);
  }
}
