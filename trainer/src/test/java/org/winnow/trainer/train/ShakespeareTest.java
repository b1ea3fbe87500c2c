package org.winnow.trainer.train;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.loader.manifest.TokenizerIdentity;
import org.winnow.loader.shard.ShardSetWriter;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.shard.Split;
import org.winnow.trainer.eval.LossEstimate;

/**
 * Real text: tinyshakespeare (from the shared data beside the repository), one document per
 * speech, one token per UTF-8 byte. A short run on the CPU must bring the held-out bits per byte
 * well below the untrained model's 8.
 */
class ShakespeareTest {
  @TempDir Path dir;

  private static Path sharedData() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("trainer").resolve("pom.xml")) && p.getParent() != null) {
        return p.getParent().resolve("shared").resolve("data");
      }
    }
    return Path.of("shared-data-not-found");
  }

  @Test
  void shortRunLearnsRealText() throws IOException {
    Path text = sharedData().resolve("tinylm").resolve("tinyshakespeare.txt");
    assumeTrue(Files.isRegularFile(text), "tinyshakespeare is absent (" + text
        + "); this test needs the shared data beside the repository");
    String all = Files.readString(text, StandardCharsets.UTF_8);
    String[] speeches = all.split("\n\n");
    Path shards = dir.resolve("shards");
    TokenizerIdentity bytes = new TokenizerIdentity("utf8-bytes", 257, "00".repeat(32), 256);
    try (ShardSetWriter w = ShardSetWriter.create(shards, bytes, Map.of("source", "tinyshakespeare"),
        ShardWriterOptions.DEFAULTS, 200_000)) {
      for (int i = 0; i < speeches.length; i++) {
        byte[] b = speeches[i].getBytes(StandardCharsets.UTF_8);
        int[] t = new int[b.length + 1];
        for (int j = 0; j < b.length; j++) {
          t[j] = b[j] & 0xff;
        }
        t[b.length] = 256;
        w.add(i % 10 == 9 ? Split.HELDOUT : Split.TRAIN, "speech-" + i, "shakespeare", t,
            b.length);
      }
    }
    TrainSummary s = Training.run(TrainSpec.builder(List.of(shards.toString()),
        dir.resolve("run")).model("micro").batch(8).seqLen(64).steps(80).lr(3e-3)
        .warmupSteps(8).evalTokens(20_000).device("cpu").threads(2).build(), line -> { });
    LossEstimate pooled = s.heldout().orElseThrow().pooled();
    assertTrue(s.lastLoss() < s.firstLoss() - 1.5, s.firstLoss() + " -> " + s.lastLoss());
    assertTrue(pooled.bitsPerByte() < 5.0, "held-out bits/byte " + pooled.bitsPerByte());
    assertTrue(pooled.bpbLow() <= pooled.bitsPerByte() && pooled.bitsPerByte() <= pooled.bpbHigh());
  }
}
