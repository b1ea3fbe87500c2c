package org.winnow.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.loader.manifest.TokenizerIdentity;
import org.winnow.loader.shard.ShardSetWriter;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.shard.Split;

/** {@code winnow train} then {@code winnow eval} on a small real shard set, on the CPU. */
class TrainCommandTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WinnowCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  private Path shards() throws IOException {
    Path root = dir.resolve("shards");
    SplittableRandom r = new SplittableRandom(4);
    TokenizerIdentity tok = new TokenizerIdentity("test-100", 100, "cd".repeat(32), 99);
    try (ShardSetWriter w = ShardSetWriter.create(root, tok, Map.of(),
        ShardWriterOptions.DEFAULTS, 10_000)) {
      for (int d = 0; d < 120; d++) {
        int[] t = new int[30 + r.nextInt(60)];
        for (int i = 0; i < t.length - 1; i++) {
          t[i] = i == 0 ? r.nextInt(90) : (t[i - 1] * 7 + 3) % 90;
        }
        t[t.length - 1] = 99;
        w.add(d % 4 == 0 ? Split.HELDOUT : Split.TRAIN, "d" + d, d % 3 == 0 ? "news" : "web", t,
            3L * t.length);
      }
    }
    return root;
  }

  @Test
  void trainsThenEvaluatesAndPrintsTheHeldOutTable() throws IOException {
    Path data = shards();
    Path run = dir.resolve("run");
    Result t = run("train", "--data", data.toString(), "--out", run.toString(), "--model",
        "micro", "--tokens", "4k", "--batch-size", "4", "--seq-len", "32", "--lr", "3e-3",
        "--device", "auto", "--threads", "2");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.out().contains("tokens/s") && t.out().contains("pooled")
        && t.out().contains("bits/byte") && t.out().contains("6N + 6LCT"), t.out());
    assertTrue(t.out().contains("news") && t.out().contains("web"), t.out());
    assertEquals(32, Files.readAllLines(run.resolve("train.jsonl")).size(), "4k tokens / 128");
    Result e = run("eval", "--checkpoint", run.resolve("checkpoint.bin").toString(), "--data",
        data.toString(), "--out", dir.resolve("eval").toString(), "--seq-len", "32",
        "--device", "cpu", "--peak-tflops", "0.166");
    assertEquals(0, e.code(), e.err());
    assertTrue(e.out().contains("tokens/s") && e.out().contains("MFU")
        && e.out().contains("pooled"), e.out());
    assertTrue(Files.exists(dir.resolve("eval/eval/step-00000032.tsv")));
    // The same checkpoint scored twice, by the training run and by eval: no difference.
    Result c = run("compare", run.toString(), dir.resolve("eval").toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().contains("pooled") && c.out().contains("+0.00000 [+0.00000,+0.00000]")
        && c.out().contains("not resolved"), c.out());
    Result seeds = run("compare", run + "," + dir.resolve("eval"), dir.resolve("eval").toString());
    assertEquals(0, seeds.code(), seeds.err());
    assertTrue(seeds.out().contains("2 runs averaged per document"), seeds.out());
    Result missing = run("compare", run.toString(), dir.resolve("nothing").toString());
    assertEquals(WinnowCli.FAILURE, missing.code());
    assertTrue(missing.err().contains("nothing"), missing.err());
  }

  @Test
  void badOptionsAreUsageErrors() {
    Result r = run("train", "--data", "x", "--out", "y", "--tokens", "lots");
    assertEquals(WinnowCli.USAGE, r.code(), r.err());
    assertTrue(r.err().contains("lots"), r.err());
  }
}
