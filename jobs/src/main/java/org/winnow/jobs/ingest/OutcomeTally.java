package org.winnow.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.jobs.spark.SparkSchemas;

/**
 * The ledger of a stage's outcome rows, built by a group-by on fate and reason (one small row per
 * reason reaches the driver), with each fate's rows and estimated bytes for sizing its files.
 */
public record OutcomeTally(Ledger ledger, Map<Fate, long[]> rowsAndBytes) {

  /** Aggregates {@code outcomes} (rows of {@link SparkSchemas#outcome()}) for {@code stage}. */
  public static OutcomeTally of(Dataset<Row> outcomes, String stage) {
    Column bytes = textBytes(DocumentSchema.TEXT.name())
        .plus(textBytes(DocumentSchema.URL.name()))
        .plus(textBytes(DocumentSchema.TITLE.name()))
        .plus(textBytes(SparkSchemas.DETAIL));
    List<Row> groups = outcomes
        .groupBy(col(SparkSchemas.FATE), col(SparkSchemas.REASON))
        .agg(count(lit(1)).as("n"), sum(bytes).as("bytes"))
        .collectAsList();
    Ledger ledger = new Ledger(stage);
    Map<Fate, long[]> perFate = new EnumMap<>(Fate.class);
    for (Fate f : Fate.values()) {
      perFate.put(f, new long[2]);
    }
    for (Row g : groups) {
      Fate fate = Fate.valueOf(g.getString(0));
      String reason = g.isNullAt(1) ? "" : g.getString(1);
      long n = g.getLong(2);
      ledger.count(fate, reason, n);
      perFate.get(fate)[0] += n;
      perFate.get(fate)[1] += g.isNullAt(3) ? 0 : g.getLong(3);
    }
    List<Row> modified = outcomes
        .where(size(col(SparkSchemas.MODIFICATIONS)).gt(0))
        .select(explode(col(SparkSchemas.MODIFICATIONS)).as("m"))
        .groupBy(col("m"))
        .count()
        .collectAsList();
    for (Row m : modified) {
      ledger.countModified(m.getString(0), m.getLong(1));
    }
    return new OutcomeTally(ledger, perFate);
  }

  public long rows(Fate fate) {
    return rowsAndBytes.get(fate)[0];
  }

  public long estimatedBytes(Fate fate) {
    return rowsAndBytes.get(fate)[1];
  }

  private static Column textBytes(String column) {
    return coalesce(octet_length(col(column)), lit(0));
  }
}
