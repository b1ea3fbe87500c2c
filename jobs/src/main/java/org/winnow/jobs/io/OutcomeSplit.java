package org.winnow.jobs.io;

import static org.apache.spark.sql.functions.col;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.ledger.LedgerImbalanceException;
import org.winnow.jobs.ingest.FileCount;
import org.winnow.jobs.ingest.OutcomeTally;
import org.winnow.jobs.spark.SparkSchemas;

/**
 * Writes a stage's outcome rows as its output: the kept documents at the top of the staging
 * directory, {@code _removed/} and {@code _rejected/} beside them, each sized from the tally and
 * written deterministically. Then every count the ledger makes is checked against the rows the
 * Parquet footers say were written; a difference fails the stage before it commits.
 */
public final class OutcomeSplit {
  private OutcomeSplit() {}

  /**
   * @param keptColumns the kept documents' columns
   * @param counted     the outcome rows counted independently of the tally
   * @return the kept documents' part files
   */
  public static ParquetParts write(Dataset<Row> outcomes, Column[] keptColumns, OutcomeTally tally,
      long counted, long targetFileBytes, HadoopOutputStore store, String staging,
      Configuration hadoop) {
    Ledger ledger = tally.ledger();
    LineageWriter.write(rows(outcomes, Fate.KEPT).select(keptColumns),
        files(tally, Fate.KEPT, targetFileBytes), staging);
    for (Fate fate : new Fate[] {Fate.REMOVED, Fate.REJECTED}) {
      String dir = fate == Fate.REMOVED ? DroppedSchema.REMOVED_DIR : DroppedSchema.REJECTED_DIR;
      String path = store.child(staging, dir);
      LineageWriter.write(rows(outcomes, fate).select(SparkSchemas.select(DroppedSchema.COLUMNS)),
          files(tally, fate, targetFileBytes), path);
      long expected = fate == Fate.REMOVED ? ledger.removedTotal() : ledger.rejectedTotal();
      long written = ParquetParts.in(hadoop, path).rows();
      if (expected != written) {
        throw new LedgerImbalanceException(ledger.stage() + ": ledger counts " + expected
            + " rows for " + dir + "/, but " + written + " were written");
      }
    }
    ParquetParts kept = ParquetParts.in(hadoop, staging);
    ledger.check(counted, kept.rows());
    return kept;
  }

  private static Dataset<Row> rows(Dataset<Row> outcomes, Fate fate) {
    return outcomes.where(col(SparkSchemas.FATE).equalTo(fate.name()));
  }

  private static int files(OutcomeTally tally, Fate fate, long targetFileBytes) {
    return FileCount.of(tally.estimatedBytes(fate), tally.rows(fate), targetFileBytes);
  }
}
