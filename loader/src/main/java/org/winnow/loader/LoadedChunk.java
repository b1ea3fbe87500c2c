package org.winnow.loader;

import org.winnow.loader.plan.Chunk;
import org.winnow.loader.shard.DecodedRowGroup;
import org.winnow.loader.shard.ShardException;

/** A chunk after its decode task: its rows, or why it could not be read. */
final class LoadedChunk {
  private final Chunk chunk;
  private final DecodedRowGroup rows;
  private final ShardException failure;
  /** Row-group source id to dataset source id; filled by the packing thread on first use. */
  int[] sourceIds;

  private LoadedChunk(Chunk chunk, DecodedRowGroup rows, ShardException failure) {
    this.chunk = chunk;
    this.rows = rows;
    this.failure = failure;
  }

  static LoadedChunk ok(Chunk chunk, DecodedRowGroup rows) {
    return new LoadedChunk(chunk, rows, null);
  }

  static LoadedChunk failed(Chunk chunk, ShardException failure) {
    return new LoadedChunk(chunk, null, failure);
  }

  Chunk chunk() {
    return chunk;
  }

  boolean failed() {
    return failure != null;
  }

  DecodedRowGroup rows() {
    return rows;
  }

  ShardException failure() {
    return failure;
  }
}
