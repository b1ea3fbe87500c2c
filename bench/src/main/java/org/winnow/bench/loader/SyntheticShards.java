package org.winnow.bench.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.manifest.SourceTotals;
import org.winnow.loader.manifest.SplitSummary;
import org.winnow.loader.manifest.TokenizerIdentity;
import org.winnow.loader.plan.SplitMix64;
import org.winnow.loader.shard.ShardWriter;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.shard.Split;

/**
 * A shard set shaped like real tokenized web text: token ids Zipf-distributed over the r50k
 * vocabulary (so dictionary encoding and Snappy see realistic entropy), log-normal document
 * lengths (median about 400 tokens), every document ending with EOT, three sources.
 */
final class SyntheticShards {
  static final TokenizerIdentity TOKENIZER =
      new TokenizerIdentity("r50k_base", 50257, "5".repeat(64), 50256);
  private static final String[] SOURCES = {"web", "books", "code"};
  private static final double[] SOURCE_SHARE = {0.7, 0.9, 1.0};

  private SyntheticShards() {}

  /** Writes {@code shards} train parts of about {@code tokensPerShard} tokens each. */
  static ShardManifest write(Path root, int shards, long tokensPerShard, long seed, int threads)
      throws Exception {
    Files.createDirectories(root.resolve("train"));
    Files.createDirectories(root.resolve("heldout"));
    double[] cdf = zipfCdf(TOKENIZER.vocabSize() - 1, 1.05);
    int[] idOfRank = SplitMix64.permutation(TOKENIZER.vocabSize() - 1, seed);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Object[]>> parts = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      int shard = s;
      parts.add(pool.submit(() -> writeShard(root, shard, tokensPerShard, seed, cdf, idOfRank)));
    }
    List<ShardSummary> summaries = new ArrayList<>();
    Map<String, long[]> sources = new LinkedHashMap<>();
    long docs = 0;
    long tokens = 0;
    for (Future<Object[]> f : parts) {
      Object[] r = f.get();
      ShardSummary sum = (ShardSummary) r[0];
      summaries.add(sum);
      docs += sum.rows();
      tokens += sum.tokens();
      @SuppressWarnings("unchecked")
      Map<String, long[]> per = (Map<String, long[]>) r[1];
      per.forEach((k, v) -> {
        long[] acc = sources.computeIfAbsent(k, x -> new long[2]);
        acc[0] += v[0];
        acc[1] += v[1];
      });
    }
    pool.shutdown();
    Map<String, SourceTotals> totals = new LinkedHashMap<>();
    sources.forEach((k, v) -> totals.put(k, new SourceTotals(v[0], v[1])));
    Map<String, SplitSummary> splits = new LinkedHashMap<>();
    splits.put(Split.TRAIN.dirName(), new SplitSummary(docs, tokens, summaries, totals));
    splits.put(Split.HELDOUT.dirName(), new SplitSummary(0, 0, List.of(), Map.of()));
    ShardManifest m = new ShardManifest(TOKENIZER, splits, Map.of("generator",
        "SyntheticShards", "seed", seed));
    Files.write(root.resolve(ShardManifest.FILE_NAME), m.toJson());
    return m;
  }

  private static Object[] writeShard(Path root, int shard, long tokens, long seed, double[] cdf,
      int[] idOfRank) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + shard);
    String file = String.format(Locale.ROOT, "train/part-%05d.parquet", shard);
    Map<String, long[]> sources = new LinkedHashMap<>();
    int[] buf = new int[50_000];
    try (ShardWriter w = ShardWriter.create(root.resolve(file), ShardWriterOptions.DEFAULTS)) {
      int doc = 0;
      while (w.tokens() < tokens) {
        int len = (int) Math.min(buf.length, Math.max(8,
            Math.round(Math.exp(6.0 + 1.0 * gaussian(rnd)))));
        for (int i = 0; i < len - 1; i++) {
          int rank = Arrays.binarySearch(cdf, rnd.nextDouble());
          buf[i] = idOfRank[rank < 0 ? Math.min(-rank - 1, cdf.length - 1) : rank];
        }
        buf[len - 1] = TOKENIZER.eotId();
        double u = rnd.nextDouble();
        String source = u < SOURCE_SHARE[0] ? SOURCES[0] : u < SOURCE_SHARE[1] ? SOURCES[1]
            : SOURCES[2];
        w.write(shard + "-" + doc++, source, buf, 0, len, len * 4L);
        long[] acc = sources.computeIfAbsent(source, k -> new long[2]);
        acc[0]++;
        acc[1] += len;
      }
      w.close();
      return new Object[] {new ShardSummary(file, w.rows(), w.tokens(), w.rowGroups()), sources};
    }
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static double[] zipfCdf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1 / Math.pow(k + 1, s);
      cdf[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      cdf[k] /= sum;
    }
    return cdf;
  }
}
