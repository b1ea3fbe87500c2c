package org.winnow.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.dedup.exact.ExactKeys;

/**
 * Exact deduplication: documents with the same normalised text, then, among the survivors,
 * documents with the same normalised URL, keep one per group.
 */
final class ExactStep {
  static final String TEXT_REASON = "exact_duplicate";
  static final String URL_REASON = "url_duplicate";
  private static final String KEY = "_exact_key";

  private static final UserDefinedFunction TEXT_KEY =
      udf((String text) -> ExactKeys.text(text), DataTypes.StringType).asNonNullable();
  private static final UserDefinedFunction URL_KEY =
      udf((String url) -> ExactKeys.url(url), DataTypes.StringType).asNonNullable();

  private ExactStep() {}

  /** Returns the text step's and the URL step's results; the URL step reads the first's kept. */
  static StepResult[] run(Dataset<Row> docs, DedupSpec spec) {
    StepResult byText = byKey(docs, TEXT_KEY.apply(col(DocumentSchema.TEXT.name())), TEXT_REASON,
        spec);
    StepResult byUrl = byKey(byText.kept(), URL_KEY.apply(col(DocumentSchema.URL.name())),
        URL_REASON, spec);
    return new StepResult[] {byText, byUrl};
  }

  private static StepResult byKey(Dataset<Row> docs, Column key, String reason, DedupSpec spec) {
    Column scoped = spec.scope() == DedupScope.PER_SOURCE
        ? concat_ws("\u0000", col(DocumentSchema.SOURCE.name()), key)
        : key;
    StepResult r = GroupSelection.select(docs.withColumn(KEY, scoped), KEY, reason, spec.policy(),
        DedupColumns.priority(spec.keepRule()));
    return new StepResult(r.kept().drop(KEY, GroupSelection.KEPT_ID, GroupSelection.GROUP_SIZE),
        r.removed());
  }
}
