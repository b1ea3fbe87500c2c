package org.winnow.dedup;

import org.winnow.core.schema.Column;
import org.winnow.core.schema.ColumnType;

/** The columns the dedup stage adds to the document dataset. */
public final class DedupSchema {
  /**
   * How many removed documents this kept one stands for, summed over the exact and fuzzy steps
   * (0 for a document that had no duplicate).
   */
  public static final Column DUP_COUNT = new Column("dup_count", ColumnType.LONG, false);
  /**
   * The id of the document kept for this document's near-duplicate cluster: its own id when it
   * is the one kept or has no near duplicate.
   */
  public static final Column MINHASH_CLUSTER = new Column("minhash_cluster", ColumnType.STRING, false);

  /** The stage name in ledgers and in the {@code stage} column of removed rows. */
  public static final String STAGE = "dedup";

  private DedupSchema() {}
}
