package org.winnow.jobs.ingest;

/** How many Parquet files a dataset is written as, from an estimate of its bytes. */
public final class FileCount {
  private FileCount() {}

  /**
   * One file per {@code targetBytes} of estimated data, at least one, and never more files than
   * rows. The estimate is uncompressed text, so files come out at or below the target once
   * Parquet has compressed them.
   */
  public static int of(long estimatedBytes, long rows, long targetBytes) {
    long files = (estimatedBytes + targetBytes - 1) / targetBytes;
    files = Math.min(files, rows);
    return (int) Math.max(1, Math.min(files, Integer.MAX_VALUE));
  }
}
