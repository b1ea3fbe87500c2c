package org.winnow.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.dedup.DedupSchema;
import org.winnow.dedup.lines.LineFingerprints;
import org.winnow.jobs.spark.SparkSchemas;

/**
 * Repeated-line removal (CCNet): every document's distinct line fingerprints are counted across
 * the corpus; lines found in at least {@code k} documents are cut from every text they occur in.
 * This is where navigation, cookie banners and footers shared across a site (or many sites) go.
 * A document with nothing left is removed.
 */
final class LineStep {
  static final String MODIFIED = "repeated_lines";
  static final String EMPTY_REASON = "all_lines_repeated";
  static final String REMOVED_CHARS = "_removed_chars";
  private static final String FP = "_line_fp";

  private static final UserDefinedFunction FINGERPRINTS = udf(
      (String text) -> LineFingerprints.distinct(text),
      DataTypes.createArrayType(DataTypes.LongType, false)).asNonNullable();

  private LineStep() {}

  /** The kept documents carry {@link #REMOVED_CHARS}: characters cut from their text. */
  static StepResult run(Dataset<Row> docs, int minDocs) {
    String node = DedupColumns.NODE;
    Dataset<Row> perDoc = docs
        .select(col(node), explode(FINGERPRINTS.apply(col(DocumentSchema.TEXT.name()))).as(FP))
        .distinct();
    Dataset<Row> repeated = perDoc.groupBy(col(FP)).agg(count(lit(1)).as("_docs"))
        .where(col("_docs").geq(lit((long) minDocs)))
        .select(col(FP));
    Dataset<Row> toCut = perDoc.join(repeated, FP)
        .groupBy(col(node).as("_cut_node"))
        .agg(collect_list(col(FP)).as("_cut"));
    Dataset<Row> cut = docs.join(toCut, docs.col(node).equalTo(toCut.col("_cut_node")), "left")
        .withColumn("_r", udf(new RepeatedLines(), RepeatedLines.TYPE)
            .apply(col(DocumentSchema.TEXT.name()), col("_cut")))
        .withColumn(DocumentSchema.TEXT.name(), col("_r." + RepeatedLines.TEXT))
        .withColumn(REMOVED_CHARS, col("_r." + RepeatedLines.REMOVED_CHARS))
        .drop("_r", "_cut", "_cut_node");
    Dataset<Row> kept = cut.where(col(DocumentSchema.TEXT.name()).notEqual(lit(""))
        .or(col(REMOVED_CHARS).equalTo(lit(0L))));
    Dataset<Row> removed = cut.where(col(DocumentSchema.TEXT.name()).equalTo(lit(""))
            .and(col(REMOVED_CHARS).gt(lit(0L))))
        .withColumn(SparkSchemas.STAGE, lit(DedupSchema.STAGE))
        .withColumn(SparkSchemas.REASON, lit(EMPTY_REASON))
        .withColumn(SparkSchemas.DETAIL, concat(lit("every line occurs in >= "),
            lit(String.valueOf(minDocs)), lit(" documents")))
        .select(SparkSchemas.select(DroppedSchema.COLUMNS));
    return new StepResult(kept, removed);
  }
}
