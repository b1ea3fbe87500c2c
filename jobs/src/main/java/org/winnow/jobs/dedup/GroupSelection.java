package org.winnow.jobs.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.dedup.DedupSchema;
import org.winnow.jobs.spark.SparkSchemas;

/**
 * Keeps one document per group of duplicates, or none. The winner of a group is its smallest
 * {@link DedupColumns#PRIORITY}; it is found by a group-by (a combinable min), never by sorting
 * a group, so a group of millions costs no more than many small ones. Removed rows name the kept
 * document in their detail.
 */
final class GroupSelection {
  static final String KEPT_ID = "_kept_id";
  static final String GROUP_SIZE = "_group_size";

  private GroupSelection() {}

  /**
   * @param docs   documents with {@code group} and the working columns
   * @param group  the group key column (null keys form no group)
   * @param reason the removal reason
   * @return the kept documents (with {@link #KEPT_ID}, {@link #GROUP_SIZE} and their
   *     {@code dup_count} raised by the documents they stand for) and the removed rows
   */
  static StepResult select(Dataset<Row> docs, String group, String reason, ClusterPolicy policy,
      Column priority) {
    Dataset<Row> withPriority = docs.withColumn(DedupColumns.PRIORITY, priority);
    Dataset<Row> winners = withPriority
        .where(col(group).isNotNull())
        .groupBy(col(group).as("_g"))
        .agg(min(col(DedupColumns.PRIORITY)).as("_best"), count(lit(1)).as(GROUP_SIZE),
            sum(col(DedupSchema.DUP_COUNT.name())).as("_dups"));
    Dataset<Row> joined = withPriority
        .join(winners, withPriority.col(group).equalTo(winners.col("_g")), "left")
        .withColumn(KEPT_ID, col("_best.c"))
        .withColumn(GROUP_SIZE, coalesce(col(GROUP_SIZE), lit(1L)));
    Column single = col(GROUP_SIZE).equalTo(lit(1L));
    Column winner = col("_best").isNull().or(col(DedupColumns.PRIORITY).equalTo(col("_best")));
    Column keep = policy == ClusterPolicy.KEEP_ONE ? winner : single;
    // The winner stands for its whole group: the other members and what they stood for.
    Column dupCount = coalesce(col("_dups"), col(DedupSchema.DUP_COUNT.name()))
        .plus(col(GROUP_SIZE)).minus(lit(1L));
    Dataset<Row> kept = joined.where(keep)
        .withColumn(DedupSchema.DUP_COUNT.name(),
            policy == ClusterPolicy.KEEP_ONE ? dupCount : col(DedupSchema.DUP_COUNT.name()))
        .withColumn(KEPT_ID, coalesce(col(KEPT_ID), col(DocumentSchema.ID.name())))
        .drop("_g", "_best", "_dups", DedupColumns.PRIORITY);
    Column detail = policy == ClusterPolicy.KEEP_ONE
        ? concat(lit("duplicate of "), col(KEPT_ID))
        : concat(lit("group of "), col(GROUP_SIZE).cast("string"),
            lit(", all dropped; the keep rule would have kept "), col(KEPT_ID));
    Dataset<Row> removed = joined.where(col(DedupColumns.FROM_INDEX).equalTo(lit(false))
            .and(keep.unary_$bang()))
        .withColumn(SparkSchemas.STAGE, lit(DedupSchema.STAGE))
        .withColumn(SparkSchemas.REASON, lit(reason))
        .withColumn(SparkSchemas.DETAIL, detail)
        .withColumn(DocumentSchema.TEXT.name(), lit(""))
        .select(SparkSchemas.select(DroppedSchema.COLUMNS));
    return new StepResult(kept, removed);
  }
}
