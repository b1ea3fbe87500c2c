package org.winnow.loader.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.manifest.SourceTotals;
import org.winnow.loader.manifest.SplitSummary;
import org.winnow.loader.manifest.TokenizerIdentity;
import org.winnow.loader.plan.Chunk;
import org.winnow.loader.plan.ChunkTable;
import org.winnow.loader.shard.ShardWriter;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.shard.Split;

/**
 * Writes small shard sets whose every token is unique: document {@code serial}'s token {@code j}
 * is {@code serial * 1024 + j}, so any token says which document and position it came from.
 */
public final class ShardFixture {
  public static final String SHA = "0123456789abcdef".repeat(4);
  public static final String OTHER_SHA = "fedcba9876543210".repeat(4);
  public static final TokenizerIdentity TOKENIZER =
      new TokenizerIdentity("r50k_base", 50257, SHA, 50256);
  public static final int MAX_LEN = 1023;

  private ShardFixture() {}

  /** A written document and where it lies. */
  public record Doc(int serial, String id, String source, int[] tokens, long nBytes, int shard,
      int rowGroup) {}

  /** A written shard set: its root and its train documents in canonical order. */
  public record Written(Path root, List<Doc> docs, ChunkTable table, ShardManifest manifest) {
    public long tokens() {
      long n = 0;
      for (Doc d : docs) {
        n += d.tokens().length;
      }
      return n;
    }
  }

  /** Serial of the document a fixture token belongs to. */
  public static int serialOf(int token) {
    return token >>> 10;
  }

  /**
   * Writes a train split with {@code layout[shard][rowGroup]} documents per row group (a shard
   * with no row groups is an empty file), lengths uniform in {@code [minLen, maxLen]}.
   *
   * @param serialBase serial of the first document, so that datasets do not share tokens
   * @param listRowGroups whether the manifest lists row groups (else the loader reads footers)
   */
  public static Written write(Path root, long seed, int[][] layout, int minLen, int maxLen,
      List<String> sources, int serialBase, boolean listRowGroups, ShardWriterOptions options)
      throws IOException {
    if (maxLen > MAX_LEN) {
      throw new IllegalArgumentException("documents longer than " + MAX_LEN);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    Files.createDirectories(root.resolve("train"));
    Files.createDirectories(root.resolve("heldout"));
    List<Doc> docs = new ArrayList<>();
    List<ShardSummary> shards = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<Chunk> chunks = new ArrayList<>();
    Map<String, long[]> perSource = new LinkedHashMap<>();
    int serial = serialBase;
    long splitTokens = 0;
    for (int s = 0; s < layout.length; s++) {
      String file = String.format(Locale.ROOT, "train/part-%05d.parquet", s);
      paths.add(root.resolve(file).toString());
      long shardTokens = 0;
      long shardRows = 0;
      try (ShardWriter w = ShardWriter.create(root.resolve(file),
          options.withRowGroupTokens(Long.MAX_VALUE))) {
        for (int g = 0; g < layout[s].length; g++) {
          long groupTokens = 0;
          for (int d = 0; d < layout[s][g]; d++) {
            int len = minLen + rnd.nextInt(maxLen - minLen + 1);
            int[] t = new int[len];
            for (int j = 0; j < len; j++) {
              t[j] = serial * 1024 + j;
            }
            String source = sources.get(rnd.nextInt(sources.size()));
            String id = "doc-" + serial;
            w.write(id, source, t, len * 3L);
            docs.add(new Doc(serial, id, source, t, len * 3L, s, g));
            long[] ps = perSource.computeIfAbsent(source, k -> new long[2]);
            ps[0]++;
            ps[1] += len;
            groupTokens += len;
            serial++;
          }
          w.endRowGroup();
          if (layout[s][g] > 0) {
            chunks.add(new Chunk(s, chunks.isEmpty() ? 0 : nextGroup(chunks, s), layout[s][g],
                groupTokens));
          }
          shardTokens += groupTokens;
          shardRows += layout[s][g];
        }
        w.endRowGroup();
        shards.add(new ShardSummary(file, shardRows, shardTokens,
            listRowGroups ? w.rowGroups() : List.of()));
      }
      splitTokens += shardTokens;
    }
    Map<String, SourceTotals> sourceTotals = new LinkedHashMap<>();
    perSource.forEach((k, v) -> sourceTotals.put(k, new SourceTotals(v[0], v[1])));
    Map<String, SplitSummary> splits = new LinkedHashMap<>();
    splits.put(Split.TRAIN.dirName(), new SplitSummary(docs.size(), splitTokens, shards,
        sourceTotals));
    splits.put(Split.HELDOUT.dirName(), new SplitSummary(0, 0, List.of(), Map.of()));
    ShardManifest manifest = new ShardManifest(TOKENIZER, splits, Map.of("fixture_seed", seed));
    Files.write(root.resolve(ShardManifest.FILE_NAME), manifest.toJson());
    return new Written(root, docs, new ChunkTable(paths, chunks), manifest);
  }

  private static int nextGroup(List<Chunk> chunks, int shard) {
    Chunk last = chunks.get(chunks.size() - 1);
    return last.shard() == shard ? last.rowGroup() + 1 : 0;
  }

  /** A random layout: {@code shards} files, some empty, 1..maxGroups row groups of 1..maxRows. */
  public static int[][] randomLayout(long seed, int shards, int maxGroups, int maxRows,
      int emptyShards) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[][] layout = new int[shards][];
    for (int s = 0; s < shards; s++) {
      int groups = 1 + rnd.nextInt(maxGroups);
      layout[s] = new int[groups];
      for (int g = 0; g < groups; g++) {
        layout[s][g] = 1 + rnd.nextInt(maxRows);
      }
    }
    for (int e = 0; e < emptyShards; e++) {
      layout[rnd.nextInt(shards)] = new int[0];
    }
    return layout;
  }
}
