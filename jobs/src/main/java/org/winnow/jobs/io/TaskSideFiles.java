package org.winnow.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.ledger.LedgerImbalanceException;

/**
 * The side datasets ({@code _removed/}, {@code _rejected/}) of a one-pass stage whose tasks write
 * their dropped documents themselves while Spark writes the kept ones into the staging
 * directory. Each task attempt writes its own file ({@link #fileName}), so a retried attempt never
 * mixes its rows with a failed one's, and reports the files it finished through its tally.
 *
 * <p>Once the pass is done, {@link #settle} deletes the files of attempts that did not succeed,
 * gives an empty side dataset an empty file (so it reads back with its schema, as other stages'
 * do), and checks every count of the ledger against the rows the Parquet footers say were
 * written. Any difference fails the stage before it commits.
 */
public final class TaskSideFiles {
  /** The file an empty side dataset holds, named like a task's file. */
  public static final String EMPTY_FILE = fileName(0, 0);

  private TaskSideFiles() {}

  /** The side file of one task attempt: sorted by name, the files follow the input's order. */
  public static String fileName(int partition, int attempt) {
    return String.format("part-%05d-%d.parquet", partition, attempt);
  }

  /**
   * @param ledger    what the tasks counted
   * @param listed    the side files of the attempts that succeeded, as {@code <side dir>/<name>}
   * @param inputRows the input's rows, from its Parquet footers
   * @return the kept documents' part files
   */
  public static ParquetParts settle(Configuration conf, String staging, Ledger ledger,
      Set<String> listed, long inputRows) {
    for (String dir : new String[] {DroppedSchema.REMOVED_DIR, DroppedSchema.REJECTED_DIR}) {
      Path side = new Path(staging, dir);
      if (removeUnlisted(conf, side, dir, listed) == 0) {
        DroppedRowWriter.writeEmpty(conf, side.toString(), EMPTY_FILE);
      }
      long expected = dir.equals(DroppedSchema.REMOVED_DIR)
          ? ledger.removedTotal() : ledger.rejectedTotal();
      long written = ParquetParts.in(conf, side.toString()).rows();
      if (expected != written) {
        throw new LedgerImbalanceException(ledger.stage() + ": ledger counts " + expected
            + " rows for " + dir + "/, but " + written + " were written");
      }
    }
    ParquetParts kept = ParquetParts.in(conf, staging);
    // Balanced, in == the input's rows, kept == the kept files' rows: with the side checks
    // above, kept == input - removed - rejected as written, not only as counted.
    ledger.check(inputRows, kept.rows());
    return kept;
  }

  /** Deletes the files in {@code side} the tally does not list; returns how many it lists. */
  private static int removeUnlisted(Configuration conf, Path side, String dir, Set<String> listed) {
    int kept = 0;
    try {
      FileSystem fs = side.getFileSystem(conf);
      if (!fs.exists(side)) {
        return 0;
      }
      for (FileStatus st : fs.listStatus(side)) {
        if (listed.contains(dir + "/" + st.getPath().getName())) {
          kept++;
        } else if (!fs.delete(st.getPath(), true)) {
          throw new IOException("could not delete " + st.getPath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up " + side, e);
    }
    return kept;
  }
}
