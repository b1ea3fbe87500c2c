package org.winnow.loader.plan;

import java.util.List;

/**
 * Every row group of one dataset split, in canonical order (roots in the order given, shards in
 * manifest order, row groups in file order), with the global canonical index of each chunk's first
 * document.
 */
public final class ChunkTable {
  private final List<String> shardPaths;
  private final List<Chunk> chunks;
  private final long[] firstDoc;

  public ChunkTable(List<String> shardPaths, List<Chunk> chunks) {
    this.shardPaths = List.copyOf(shardPaths);
    this.chunks = List.copyOf(chunks);
    this.firstDoc = new long[chunks.size() + 1];
    for (int i = 0; i < chunks.size(); i++) {
      Chunk c = chunks.get(i);
      if (c.shard() < 0 || c.shard() >= shardPaths.size()) {
        throw new IllegalArgumentException("chunk " + i + " names shard " + c.shard()
            + " of " + shardPaths.size());
      }
      firstDoc[i + 1] = firstDoc[i] + c.rows();
    }
  }

  public int size() {
    return chunks.size();
  }

  public Chunk chunk(int i) {
    return chunks.get(i);
  }

  public String path(Chunk c) {
    return shardPaths.get(c.shard());
  }

  public List<String> shardPaths() {
    return shardPaths;
  }

  /** Documents in all chunks. */
  public long documents() {
    return firstDoc[chunks.size()];
  }

  /** Canonical index of chunk {@code i}'s first document. */
  public long firstDocument(int i) {
    return firstDoc[i];
  }
}
