package org.winnow.trainer.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.winnow.loader.manifest.TokenizerIdentity;
import org.winnow.loader.shard.ShardSetWriter;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.shard.Split;

/**
 * Writes real shard sets (Parquet, through the loader's writer) over a 256-token vocabulary
 * whose documents a small model can learn: in each of the sources {@code alpha} and {@code beta}
 * a token is followed nine times in ten by its fixed successor (a different table per source).
 * Every fifth document is held out.
 */
public final class PatternShards {
  public static final int VOCAB = 256;
  public static final int EOT = 255;
  public static final TokenizerIdentity TOKENIZER =
      new TokenizerIdentity("pattern-256", VOCAB, "ab".repeat(32), EOT);

  private PatternShards() {}

  public static Path write(Path root, long seed, int documents) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int[][] successor = {permutation(new SplittableRandom(1)), permutation(new SplittableRandom(2))};
    try (ShardSetWriter w = ShardSetWriter.create(root, TOKENIZER, Map.of("seed", seed),
        ShardWriterOptions.DEFAULTS, 20_000)) {
      for (int d = 0; d < documents; d++) {
        int source = r.nextInt(2);
        int len = 20 + r.nextInt(180);
        int[] t = new int[len];
        t[0] = r.nextInt(250);
        for (int i = 1; i < len - 1; i++) {
          // Mostly the source's fixed successor of the previous token: a bigram table to learn.
          t[i] = r.nextInt(10) < 9 ? successor[source][t[i - 1]] : r.nextInt(250);
        }
        t[len - 1] = EOT;
        Split split = d % 5 == 4 ? Split.HELDOUT : Split.TRAIN;
        // Two bytes of text per token, as if each token were a two-letter word.
        w.add(split, "doc-" + d, source == 0 ? "alpha" : "beta", t, 2L * (len - 1));
      }
    }
    return root;
  }

  private static int[] permutation(SplittableRandom r) {
    int[] p = new int[250];
    for (int i = 0; i < p.length; i++) {
      p[i] = i;
    }
    for (int i = p.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int x = p[i];
      p[i] = p[j];
      p[j] = x;
    }
    return p;
  }
}
