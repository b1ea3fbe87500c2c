package org.winnow.jobs.filter;

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
import org.winnow.jobs.io.DroppedRowWriter;
import org.winnow.jobs.io.ParquetParts;

/**
 * Settles the filter stage's staging directory once the one pass has written it: side files
 * of task attempts that did not succeed are deleted, an empty side dataset gets an empty file
 * (so it reads back with its schema, as other stages' do), and every count of the ledger is
 * checked against the rows the Parquet footers say were written. Any difference fails the stage
 * before it commits.
 */
final class FilterOutput {
  /** The file an empty side dataset holds, named like a task's file. */
  static final String EMPTY_FILE = FilterPartitionTask.sideFileName(0, 0);

  private FilterOutput() {}

  /**
   * @param inputRows the input's rows, from its Parquet footers
   * @return the kept documents' part files
   */
  static ParquetParts settle(Configuration conf, String staging, FilterTally tally,
      long inputRows) {
    Ledger ledger = tally.ledger();
    for (String dir : new String[] {DroppedSchema.REMOVED_DIR, DroppedSchema.REJECTED_DIR}) {
      Path side = new Path(staging, dir);
      int listed = removeUnlisted(conf, side, dir, tally.sideFiles());
      if (listed == 0) {
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
