package org.winnow.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.trainer.cpu.CpuGpt;
import org.winnow.trainer.cpu.Parallel;
import org.winnow.trainer.model.GptConfig;
import org.winnow.trainer.model.Initializer;
import org.winnow.trainer.testing.PatternShards;

class EvaluatorTest {
  @TempDir Path dir;

  /** Batched, windowed scoring against scoring each document alone, one window per row. */
  @Test
  void batchedScoresEqualDocumentByDocumentScores() throws IOException {
    Path data = PatternShards.write(dir.resolve("s"), 3, 60);
    List<HeldoutDocument> docs = HeldoutSet.read(List.of(data.toString()),
        PatternShards.TOKENIZER.sha256(), Long.MAX_VALUE);
    assertEquals(12, docs.size());
    GptConfig c = new GptConfig(1, 2, 16, 64, PatternShards.VOCAB);
    float[] p = Initializer.initialise(c, 5);
    int t = 48;
    try (Parallel par = new Parallel(2)) {
      EvalReport r = new Evaluator(new CpuGpt(c, p, 3, t, par), PatternShards.EOT)
          .evaluate(0, docs, 9);
      CpuGpt one = new CpuGpt(c, p, 1, t, par);
      double pooledNats = 0;
      long pooledTokens = 0;
      long pooledBytes = 0;
      for (int d = 0; d < docs.size(); d++) {
        int[] tok = docs.get(d).tokens();
        double nats = 0;
        for (int w = 0; w < tok.length; w += t) {
          int[] in = new int[t];
          int[] tg = new int[t];
          for (int i = 0; i < t; i++) {
            int pos = w + i;
            in[i] = pos == 0 ? PatternShards.EOT : pos <= tok.length ? tok[pos - 1] : 0;
            tg[i] = pos < tok.length ? tok[pos] : -1;
          }
          one.forward(in, tg);
          for (int i = 0; i < t; i++) {
            nats += tg[i] >= 0 ? one.losses()[i] : 0;
          }
        }
        DocumentLoss got = r.documents().get(d);
        assertEquals(docs.get(d).docId(), got.docId());
        assertEquals(tok.length, got.tokens());
        assertEquals(nats, got.nats(), 1e-3 * Math.max(1, nats), "document " + d);
        pooledNats += got.nats();
        pooledTokens += tok.length;
        pooledBytes += docs.get(d).nBytes();
      }
      LossEstimate pooled = r.pooled();
      assertEquals(pooledNats / pooledTokens, pooled.natsPerToken(), 1e-9);
      assertEquals(pooledNats / Math.log(2) / pooledBytes, pooled.bitsPerByte(), 1e-9);
      assertTrue(pooled.natsLow() <= pooled.natsPerToken()
          && pooled.natsPerToken() <= pooled.natsHigh());
      assertEquals(docs.size(), r.perSource().stream().mapToInt(LossEstimate::documents).sum());
    }
  }

  @Test
  void bootstrapIntervalNarrowsWithMoreDocuments() {
    SplittableRandom r = new SplittableRandom(1);
    List<DocumentLoss> few = new ArrayList<>();
    List<DocumentLoss> many = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      DocumentLoss d = new DocumentLoss("d" + i, "s", 100, 300, 100 * (3 + r.nextGaussian()));
      many.add(d);
      if (i < 40) {
        few.add(d);
      }
    }
    LossEstimate a = Bootstrap.estimate("few", few, 1);
    LossEstimate b = Bootstrap.estimate("many", many, 1);
    assertTrue(b.natsHigh() - b.natsLow() < (a.natsHigh() - a.natsLow()) / 5);
    assertEquals(3.0, b.natsPerToken(), 0.1);
    // Deterministic for a seed.
    assertEquals(a, Bootstrap.estimate("few", few, 1));
  }
}
