package org.winnow.jobs.crawl;

import java.io.IOException;
import java.io.Serializable;
import java.util.OptionalInt;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a crawl keeps its state under its output directory:
 * <pre>
 *   frontier/r00003/        the frontier after round 3 (Parquet; the commit point of the round)
 *   crawl_log/round=3/      the fate of every URL the round touched (Parquet)
 *   warc/r00003-p00007-a00.warc.gz   task 7's responses in round 3, first attempt
 *   warc/r00003-p00007-a00-001.warc.gz  its next file, once the first passed the size limit
 *   journal/r00003/p00007-a00.jsonl  task 7's outcomes, flushed with each WARC record
 * </pre>
 * A round is done when its frontier directory has {@code _SUCCESS}; a restart continues from
 * the last one, and a task of the interrupted round skips what its journal already holds.
 */
public record CrawlLayout(String root) implements Serializable {
  private static final long serialVersionUID = 1L;

  public String frontier(int round) {
    return root + "/frontier/" + String.format("r%05d", round);
  }

  public String log(int round) {
    return root + "/crawl_log/round=" + round;
  }

  public String logRoot() {
    return root + "/crawl_log";
  }

  public String warcDir() {
    return root + "/warc";
  }

  public String journalDir(int round) {
    return root + "/journal/" + String.format("r%05d", round);
  }

  /** The attempt's WARC file number {@code part}: the first keeps the unnumbered name. */
  public static String warcName(int round, int task, int attempt, int part) {
    return part == 0 ? String.format("r%05d-p%05d-a%02d.warc.gz", round, task, attempt)
        : String.format("r%05d-p%05d-a%02d-%03d.warc.gz", round, task, attempt, part);
  }

  public static String journalName(int task, int attempt) {
    return String.format("p%05d-a%02d.jsonl", task, attempt);
  }

  /** The last round whose frontier was committed, if any. */
  public OptionalInt lastRound(Configuration conf) throws IOException {
    Path dir = new Path(root + "/frontier");
    FileSystem fs = fileSystem(dir, conf);
    if (!fs.exists(dir)) {
      return OptionalInt.empty();
    }
    int last = -1;
    for (FileStatus s : fs.listStatus(dir)) {
      String name = s.getPath().getName();
      if (s.isDirectory() && name.matches("r\\d{5}")
          && fs.exists(new Path(s.getPath(), "_SUCCESS"))) {
        last = Math.max(last, Integer.parseInt(name.substring(1)));
      }
    }
    return last < 0 ? OptionalInt.empty() : OptionalInt.of(last);
  }

  /**
   * The file system of {@code path}; on the local file system without Hadoop's checksum files,
   * whose buffered {@code .crc} would disagree with a WARC cut short by a kill.
   */
  public static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
  }
}
