package org.winnow.loader.store;

import java.io.IOException;
import org.apache.parquet.io.InputFile;

/**
 * Where shard sets live. The loader reads manifests and Parquet files only through this, so that
 * a local directory, HDFS or an object store are interchangeable; paths are the store's own
 * spelling and appear verbatim in error messages.
 */
public interface ShardStore {
  /** Parquet's view of the file at {@code path}; opening it must not read its contents yet. */
  InputFile inputFile(String path) throws IOException;

  /** The whole file at {@code path} (manifests are small). */
  byte[] readAll(String path) throws IOException;

  /** The path of {@code relative} (slash-separated) under the directory {@code root}. */
  String resolve(String root, String relative);
}
