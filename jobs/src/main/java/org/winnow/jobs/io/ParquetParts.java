package org.winnow.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The Parquet part files directly inside a directory, counted from their footers: how many rows
 * were really written, independent of the Spark plan that wrote them, and without Spark's reader
 * (which skips directories whose names start with {@code _} or {@code .}, as staging and side
 * datasets do).
 *
 * @param files part files
 * @param rows  rows in them, from the footers
 * @param bytes their size on storage
 */
public record ParquetParts(int files, long rows, long bytes) {

  public static ParquetParts in(Configuration conf, String dir) {
    return rowsPerFile(conf, dir).parts;
  }

  /**
   * A reader of {@code st}'s footer with options from {@code conf}. Parquet's one-argument
   * {@code open} builds its options from a new Hadoop {@code Configuration}, which parses the
   * default XML resources again: about 5 ms a file, most of the time the driver spent checking
   * a job's output against its footers.
   */
  private static ParquetFileReader footerOf(FileStatus st, Configuration conf) throws IOException {
    return ParquetFileReader.open(HadoopInputFile.fromStatus(st, conf),
        HadoopReadOptions.builder(conf).build());
  }

  /** The part files of {@code dir} by name with their rows, and their totals; one footer each. */
  public static Listing rowsPerFile(Configuration conf, String dir) {
    Path root = new Path(dir);
    Map<String, Long> rowsByName = new LinkedHashMap<>();
    long rows = 0;
    long bytes = 0;
    try {
      for (FileStatus st : root.getFileSystem(conf).listStatus(root)) {
        String name = st.getPath().getName();
        if (!st.isFile() || !name.startsWith("part-") || !name.endsWith(".parquet")) {
          continue;
        }
        try (ParquetFileReader reader = footerOf(st, conf)) {
          rowsByName.put(name, reader.getRecordCount());
          rows += reader.getRecordCount();
        }
        bytes += st.getLen();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Parquet footers in " + dir, e);
    }
    return new Listing(new ParquetParts(rowsByName.size(), rows, bytes),
        Collections.unmodifiableMap(rowsByName));
  }

  /** A directory's part files: {@code rowsByName} maps each file's name to its footer's rows. */
  public record Listing(ParquetParts parts, Map<String, Long> rowsByName) {}

  /** The given Parquet files (as {@code Dataset.inputFiles()} lists them), from their footers. */
  public static ParquetParts of(Configuration conf, String[] paths) {
    long rows = 0;
    long bytes = 0;
    for (String path : paths) {
      Path p = new Path(path);
      try {
        FileStatus st = p.getFileSystem(conf).getFileStatus(p);
        try (ParquetFileReader reader = footerOf(st, conf)) {
          rows += reader.getRecordCount();
        }
        bytes += st.getLen();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the Parquet footer of " + path, e);
      }
    }
    return new ParquetParts(paths.length, rows, bytes);
  }
}
