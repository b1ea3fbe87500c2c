package org.winnow.jobs.tokenize;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where the tokenize job removes train documents that overlap the held-out split, so that
 * held-out loss measures generalisation rather than memorisation. The decontaminate stage's
 * n-gram index is one ({@code HeldoutNgramOverlap}).
 *
 * <p>Two steps, so that the train documents are read only once, by the tasks that encode them:
 * on the driver, {@link #prepare} reads the held-out documents and returns a {@link
 * ContaminationTest}; the job broadcasts it, and each task applies it to its train documents
 * as it encodes them, writes the ones it names to {@code _removed/} instead of the shards and
 * counts them in the ledger as {@code removed} under {@link #reason()}.
 */
public interface HeldoutDecontamination {
  /** The ledger's reason code for the documents removed, e.g. {@code heldout_overlap}. */
  String reason();

  /**
   * Builds the test of train documents from the held-out ones.
   *
   * @param heldout the held-out split's documents: columns {@code id}, {@code text}, neither
   *     null
   */
  ContaminationTest prepare(Dataset<Row> heldout);
}
