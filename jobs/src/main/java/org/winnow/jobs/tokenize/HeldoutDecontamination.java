package org.winnow.jobs.tokenize;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where the tokenize job removes train documents that overlap the held-out split, so that
 * held-out loss measures generalisation rather than memorisation. The dedup stage's
 * {@code decontaminate} (n-gram overlap against the held-out text) is meant to plug in here; the
 * job asks for the ids to drop before it encodes anything, removes those train documents, writes
 * them to {@code _removed/} and counts them in the ledger as {@code removed} under
 * {@link #reason()}.
 */
public interface HeldoutDecontamination {
  /** The ledger's reason code for the documents removed, e.g. {@code heldout_overlap}. */
  String reason();

  /**
   * The train documents that overlap the held-out ones.
   *
   * @param train the train split's documents: columns {@code id}, {@code text}
   * @param heldout the held-out split's documents: columns {@code id}, {@code text}
   * @return a dataset with an {@code id} column naming train documents to remove (ids of
   *     held-out documents, or unknown ids, are ignored)
   */
  Dataset<Row> contaminated(Dataset<Row> train, Dataset<Row> heldout);
}
