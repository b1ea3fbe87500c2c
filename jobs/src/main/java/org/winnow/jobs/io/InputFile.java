package org.winnow.jobs.io;

import java.io.Serializable;
import java.util.Objects;

/**
 * One input file of a job.
 *
 * @param path  fully qualified Hadoop URI, e.g. {@code file:/data/a.warc.gz}
 * @param bytes its length on storage (compressed), for progress, ETA and cost per GB
 */
public record InputFile(String path, long bytes) implements Serializable {
  public InputFile {
    Objects.requireNonNull(path, "path");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0, got " + bytes + " for " + path);
    }
  }
}
