package org.winnow.loader.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.io.InputFile;

/** Shards on a local file system, read with positional channel reads. */
public final class LocalShardStore implements ShardStore {
  /** The one instance; the store keeps no state. */
  public static final LocalShardStore INSTANCE = new LocalShardStore();

  private LocalShardStore() {}

  @Override
  public InputFile inputFile(String path) throws IOException {
    Path p = toPath(path);
    if (!Files.isRegularFile(p)) {
      throw new java.nio.file.NoSuchFileException(path);
    }
    return new ChannelInputFile(p);
  }

  @Override
  public byte[] readAll(String path) throws IOException {
    return Files.readAllBytes(toPath(path));
  }

  @Override
  public String resolve(String root, String relative) {
    return toPath(root).resolve(relative).toString();
  }

  /** A plain path or a {@code file:} URI as a local path. */
  static Path toPath(String path) {
    return path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
  }
}
