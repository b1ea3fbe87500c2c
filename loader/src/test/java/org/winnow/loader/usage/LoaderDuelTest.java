package org.winnow.loader.usage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.loader.Batch;
import org.winnow.loader.DatasetSpec;
import org.winnow.loader.TokenLoader;
import org.winnow.loader.plan.ShuffleSpec;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.testing.Batches;
import org.winnow.loader.testing.NaiveLoader;
import org.winnow.loader.testing.ShardFixture;

/**
 * The optimised loader (column decoding, windows decoded ahead on a pool, packing on its own
 * thread) against the naive materialised loader, on random shard sets and settings.
 */
class LoaderDuelTest {
  @TempDir Path tmp;

  @Test
  void everyBatchEqualsTheNaiveLoaderOnRandomConfigurations() throws Exception {
    for (int trial = 0; trial < 12; trial++) {
      SplittableRandom rnd = new SplittableRandom(1000 + trial);
      int datasets = 1 + rnd.nextInt(3);
      List<NaiveLoader.Source> sources = new ArrayList<>();
      TokenLoader.Builder builder = TokenLoader.builder().tokenizerSha256(ShardFixture.SHA);
      int world = 1 + rnd.nextInt(3);
      int rank = rnd.nextInt(world);
      for (int d = 0; d < datasets; d++) {
        int[][] layout = ShardFixture.randomLayout(rnd.nextLong(), 2 + rnd.nextInt(6),
            3, 40, rnd.nextInt(2));
        ShardWriterOptions options = ShardWriterOptions.DEFAULTS
            .withPageBytes(rnd.nextBoolean() ? 512 : 1 << 20)
            .withDictionary(rnd.nextBoolean());
        ShardFixture.Written w = ShardFixture.write(tmp.resolve("t" + trial + "d" + d),
            rnd.nextLong(), layout, 1, 1 + rnd.nextInt(300), List.of("a", "b", "c"), d << 16,
            rnd.nextBoolean(), options);
        double weight = 0.5 + rnd.nextDouble();
        OptionalInt epochs = OptionalInt.of(1 + rnd.nextInt(3));
        sources.add(new NaiveLoader.Source("set" + d, w, weight, epochs));
        builder.dataset(DatasetSpec.of("set" + d, w.root().toString()).withWeight(weight)
            .withMaxEpochs(epochs.getAsInt()));
      }
      ShuffleSpec shuffle = rnd.nextInt(4) == 0 ? ShuffleSpec.OFF
          : new ShuffleSpec(true, 50 + rnd.nextInt(5000), 1 + rnd.nextInt(6));
      long seed = rnd.nextLong();
      int batchSize = 1 + rnd.nextInt(5);
      int seqLen = 1 + rnd.nextInt(200);
      builder.seed(seed).shuffle(shuffle).rank(rank, world).batchSize(batchSize).seqLen(seqLen)
          .prefetchBatches(1 + rnd.nextInt(3)).decodeThreads(1 + rnd.nextInt(3))
          .readAheadTokens(1 + rnd.nextInt(4000)).readAheadRowGroups(1 + rnd.nextInt(5))
          .directBuffers(rnd.nextBoolean());
      NaiveLoader naive = new NaiveLoader(sources, seed, shuffle, rank, world, batchSize, seqLen);
      String where = "trial " + trial;
      int count = 0;
      try (TokenLoader loader = builder.build()) {
        while (loader.hasNext()) {
          Batch b = loader.next();
          int[][] expected = naive.next();
          assertEquals(count, b.index(), where);
          int[][] got = Batches.rows(b);
          for (int r = 0; r < batchSize; r++) {
            assertArrayEquals(expected[r], got[r], where + " batch " + count + " row " + r);
          }
          count++;
        }
        assertFalse(loader.hasNext());
      }
      assertNull(naive.next(), where + ": the naive loader has more batches than " + count);
    }
  }
}
