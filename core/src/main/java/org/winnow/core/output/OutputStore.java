package org.winnow.core.output;

import java.io.IOException;

/**
 * The few file-system operations an atomic output commit needs. {@link LocalOutputStore} serves
 * local paths; {@code jobs/} adapts Hadoop's FileSystem so the same protocol works on HDFS or S3.
 * Paths are strings in the store's own syntax.
 */
public interface OutputStore {
  boolean exists(String path) throws IOException;

  /** Deletes a file or a directory tree; no error when the path does not exist. */
  void deleteRecursively(String path) throws IOException;

  /** Renames {@code from} to {@code to}, which must not exist; throws when the rename fails. */
  void rename(String from, String to) throws IOException;

  void writeUtf8(String path, String content) throws IOException;

  String readUtf8(String path) throws IOException;

  /** The path of {@code name} inside directory {@code dir}. */
  String child(String dir, String name);

  /** The path of {@code name} in the same directory as {@code path}. */
  String sibling(String path, String name);

  /** The last name of {@code path}. */
  String name(String path);
}
