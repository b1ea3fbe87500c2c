package org.winnow.loader.testing;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.winnow.loader.plan.ChunkTable;
import org.winnow.loader.plan.DatasetSeed;
import org.winnow.loader.plan.EpochPlan;
import org.winnow.loader.plan.ShuffleSpec;

/**
 * The loader's specification written the slow, obvious way: every document materialised in a
 * list, each epoch's order taken from {@link EpochPlan#canonicalOrder()}, the rank's contiguous
 * share concatenated into one token list, rows cut from it with a one-token overlap, datasets
 * chosen by largest sampling error first. The optimised loader must produce the same batches.
 */
public final class NaiveLoader {
  private final List<Stream> streams = new ArrayList<>();
  private final double[] weights;
  private final int batchSize;
  private final int seqLen;
  private long samples;

  /** One dataset for the naive loader. */
  public record Source(String name, ShardFixture.Written data, double weight,
      OptionalInt maxEpochs) {}

  public NaiveLoader(List<Source> sources, long seed, ShuffleSpec shuffle, int rank, int world,
      int batchSize, int seqLen) {
    this.batchSize = batchSize;
    this.seqLen = seqLen;
    double sum = 0;
    for (Source s : sources) {
      sum += s.weight();
    }
    weights = new double[sources.size()];
    for (int i = 0; i < sources.size(); i++) {
      Source s = sources.get(i);
      weights[i] = s.weight() / sum;
      streams.add(new Stream(s, DatasetSeed.of(seed, s.name()), shuffle, rank, world));
    }
  }

  /** The next batch as rows of {@code seqLen + 1} tokens, or null at the end. */
  public int[][] next() {
    int[][] rows = new int[batchSize][];
    for (int r = 0; r < batchSize; r++) {
      int best = 0;
      double bestErr = Double.NEGATIVE_INFINITY;
      for (int d = 0; d < streams.size(); d++) {
        double err = weights[d] * (samples + 1) - streams.get(d).rows;
        if (err > bestErr) {
          bestErr = err;
          best = d;
        }
      }
      rows[r] = streams.get(best).row(seqLen);
      if (rows[r] == null) {
        return null;
      }
      samples++;
    }
    return rows;
  }

  private static final class Stream {
    final ShardFixture.Written data;
    final ChunkTable table;
    final long seed;
    final ShuffleSpec shuffle;
    final int rank;
    final int world;
    final OptionalInt maxEpochs;
    final IntArrayList tokens = new IntArrayList();
    int epochsLoaded;
    int pos;
    long rows;

    Stream(Source s, long seed, ShuffleSpec shuffle, int rank, int world) {
      this.data = s.data();
      this.table = s.data().table();
      this.seed = seed;
      this.shuffle = shuffle;
      this.rank = rank;
      this.world = world;
      this.maxEpochs = s.maxEpochs();
    }

    int[] row(int seqLen) {
      while (pos + seqLen + 1 > tokens.size()) {
        if (maxEpochs.isPresent() && epochsLoaded >= maxEpochs.getAsInt()) {
          return null;
        }
        long[] order = EpochPlan.of(table, shuffle, seed, epochsLoaded++).canonicalOrder();
        long from = (long) order.length * rank / world;
        long to = (long) order.length * (rank + 1) / world;
        for (long i = from; i < to; i++) {
          tokens.addElements(tokens.size(), data.docs().get((int) order[(int) i]).tokens());
        }
      }
      int[] row = new int[seqLen + 1];
      tokens.getElements(pos, row, 0, seqLen + 1);
      pos += seqLen;
      rows++;
      return row;
    }
  }
}
