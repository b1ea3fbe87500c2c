package org.winnow.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_micros;

import org.apache.spark.sql.Column;
import org.winnow.core.schema.DocumentSchema;

/**
 * Working columns of the dedup job. They start with an underscore and never reach the output.
 */
final class DedupColumns {
  /** 64-bit graph node of a document: xxHash64 of its id (Spark's, seed 42, stable across runs). */
  static final String NODE = "_node";
  /** The key a document is kept by: smaller wins (see {@link #priority}). */
  static final String PRIORITY = "_priority";
  /** Row position in the input, the last tie-break, for inputs that repeat an id. */
  static final String ROW = "_row";
  /** True for documents of an earlier run's index: present only to win clusters. */
  static final String FROM_INDEX = "_from_index";

  private DedupColumns() {}

  /**
   * The keep order as one comparable struct: documents from an earlier index first, then the
   * keep rule's fetch time, then the id, then the input row.
   */
  static Column priority(KeepRule rule) {
    Column micros = unix_micros(col(DocumentSchema.FETCH_TIME.name()));
    Column time = rule == KeepRule.EARLIEST ? micros : micros.multiply(lit(-1L));
    return struct(
        col(FROM_INDEX).equalTo(lit(false)).as("a"),
        time.as("b"),
        col(DocumentSchema.ID.name()).as("c"),
        col(ROW).as("d"));
  }
}
