package org.winnow.loader.shard;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.manifest.SourceTotals;
import org.winnow.loader.manifest.SplitSummary;
import org.winnow.loader.manifest.TokenizerIdentity;

/**
 * Writes a shard set as DESIGN.md lays it out: {@code <root>/train/part-NNNNN.parquet},
 * {@code <root>/heldout/part-NNNNN.parquet} and, on {@link #close()}, {@code manifest.json} with
 * per-shard, per-row-group and per-source counts. A new part starts when the current one reaches
 * {@code shardTokens}. Which split a document belongs to is the caller's decision.
 */
public final class ShardSetWriter implements Closeable {
  private final Path root;
  private final TokenizerIdentity tokenizer;
  private final Map<String, Object> config;
  private final ShardWriterOptions options;
  private final long shardTokens;
  private final Map<Split, SplitState> splits = new EnumMap<>(Split.class);
  private ShardManifest manifest;

  private static final class SplitState {
    final List<ShardSummary> shards = new ArrayList<>();
    final Map<String, long[]> sources = new LinkedHashMap<>();
    ShardWriter current;
    String currentFile;
    long documents;
    long tokens;
  }

  private ShardSetWriter(Path root, TokenizerIdentity tokenizer, Map<String, Object> config,
      ShardWriterOptions options, long shardTokens) {
    this.root = root;
    this.tokenizer = tokenizer;
    this.config = new LinkedHashMap<>(config);
    this.options = options;
    this.shardTokens = shardTokens;
    for (Split s : Split.values()) {
      splits.put(s, new SplitState());
    }
  }

  /**
   * Starts a shard set in {@code root}, which must not hold one already.
   *
   * @param config the settings that produced the shards, recorded in the manifest
   * @param shardTokens tokens after which a new part file starts
   */
  public static ShardSetWriter create(Path root, TokenizerIdentity tokenizer,
      Map<String, Object> config, ShardWriterOptions options, long shardTokens)
      throws IOException {
    if (shardTokens <= 0) {
      throw new IllegalArgumentException("shardTokens must be positive: " + shardTokens);
    }
    if (Files.exists(root.resolve(ShardManifest.FILE_NAME))) {
      throw new IOException(root + " already holds a shard set (" + ShardManifest.FILE_NAME
          + " exists)");
    }
    for (Split s : Split.values()) {
      Files.createDirectories(root.resolve(s.dirName()));
    }
    return new ShardSetWriter(root, tokenizer, config, options, shardTokens);
  }

  /** Appends a document to {@code split}; its tokens should end with the EOT id. */
  public void add(Split split, String docId, String source, int[] tokens, long nBytes)
      throws IOException {
    SplitState s = state(split);
    if (s.current == null) {
      open(split, s);
    }
    s.current.write(docId, source, tokens, nBytes);
    s.documents++;
    s.tokens += tokens.length;
    long[] totals = s.sources.computeIfAbsent(source, k -> new long[2]);
    totals[0]++;
    totals[1] += tokens.length;
    if (s.current.tokens() >= shardTokens) {
      endShard(split);
    }
  }

  /** Closes {@code split}'s current part now; with no current part, writes an empty one. */
  public void endShard(Split split) throws IOException {
    SplitState s = state(split);
    if (s.current == null) {
      open(split, s);
    }
    s.current.close();
    s.shards.add(new ShardSummary(s.currentFile, s.current.rows(), s.current.tokens(),
        s.current.rowGroups()));
    s.current = null;
  }

  /** Finishes open parts and writes the manifest (atomically); returns it. */
  @Override
  public void close() throws IOException {
    finish();
  }

  /** Finishes open parts, writes the manifest atomically and returns it; idempotent. */
  public ShardManifest finish() throws IOException {
    if (manifest != null) {
      return manifest;
    }
    Map<String, SplitSummary> summaries = new LinkedHashMap<>();
    for (Split split : Split.values()) {
      SplitState s = splits.get(split);
      if (s.current != null) {
        endShard(split);
      }
      Map<String, SourceTotals> sources = new LinkedHashMap<>();
      s.sources.forEach((k, v) -> sources.put(k, new SourceTotals(v[0], v[1])));
      summaries.put(split.dirName(), new SplitSummary(s.documents, s.tokens, s.shards, sources));
    }
    ShardManifest m = new ShardManifest(tokenizer, summaries, config);
    Path tmp = root.resolve(ShardManifest.FILE_NAME + ".tmp");
    Files.write(tmp, m.toJson());
    Files.move(tmp, root.resolve(ShardManifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    manifest = m;
    return m;
  }

  private SplitState state(Split split) {
    if (manifest != null) {
      throw new IllegalStateException(root + ": shard set is finished");
    }
    return splits.get(split);
  }

  private void open(Split split, SplitState s) throws IOException {
    String file = split.dirName() + "/" + String.format(Locale.ROOT, "part-%05d.parquet",
        s.shards.size());
    s.current = ShardWriter.create(root.resolve(file), options);
    s.currentFile = file;
  }
}
