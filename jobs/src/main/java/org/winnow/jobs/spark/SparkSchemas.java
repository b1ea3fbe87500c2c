package org.winnow.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.schema.Column;
import org.winnow.core.schema.ColumnType;
import org.winnow.core.schema.DocumentSchema;

/**
 * The one place where the core column definitions become Spark SQL types. Jobs build every
 * StructType they read or write from here, so a column added in {@code core/} reaches Spark
 * without a second definition.
 */
public final class SparkSchemas {
  /** Which fate an outcome row had: a {@link org.winnow.core.ledger.Fate} name. */
  public static final String FATE = "fate";
  /** The stage that produced an outcome row. */
  public static final String STAGE = "stage";
  /** The reason code of a dropped row; null for kept rows. */
  public static final String REASON = "reason";
  /** The human-readable explanation of a dropped row; null for kept rows. */
  public static final String DETAIL = "detail";
  /** Names of the modifications applied to a kept document's text. */
  public static final String MODIFICATIONS = "modifications";

  private static final StructType DOCUMENT = struct(DocumentSchema.COLUMNS, false);
  private static final StructType DROPPED = struct(DroppedSchema.COLUMNS, false);
  private static final StructType OUTCOME = outcomeStruct();

  private SparkSchemas() {}

  /** The Spark type of a core column type. */
  public static DataType sparkType(ColumnType type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case TIMESTAMP -> DataTypes.TimestampType;
    };
  }

  /** The document dataset: {@link DocumentSchema#COLUMNS} in order. */
  public static StructType document() {
    return DOCUMENT;
  }

  /** The {@code _removed/} and {@code _rejected/} datasets: {@link DroppedSchema#COLUMNS}. */
  public static StructType dropped() {
    return DROPPED;
  }

  /**
   * A stage's per-record outcome before it is split: the document columns (null where a dropped
   * record has no value), then {@link #STAGE}, {@link #FATE}, {@link #REASON}, {@link #DETAIL}
   * and {@link #MODIFICATIONS}. The dropped dataset's columns are a projection of it.
   */
  public static StructType outcome() {
    return OUTCOME;
  }

  /** Column names of {@code columns}, for {@code Dataset.select}. */
  public static org.apache.spark.sql.Column[] select(List<Column> columns) {
    return columns.stream()
        .map(c -> org.apache.spark.sql.functions.col(c.name()))
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  private static StructType struct(List<Column> columns, boolean allNullable) {
    List<StructField> fields = new ArrayList<>(columns.size());
    for (Column c : columns) {
      fields.add(DataTypes.createStructField(
          c.name(), sparkType(c.type()), allNullable || c.nullable()));
    }
    return DataTypes.createStructType(fields);
  }

  private static StructType outcomeStruct() {
    List<StructField> fields = new ArrayList<>(List.of(struct(DocumentSchema.COLUMNS, true).fields()));
    fields.add(DataTypes.createStructField(STAGE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(FATE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(DETAIL, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(
        MODIFICATIONS, DataTypes.createArrayType(DataTypes.StringType, false), false));
    StructType outcome = DataTypes.createStructType(fields);
    for (Column c : DroppedSchema.COLUMNS) {
      // The side datasets are projections of the outcome rows; a column they add must exist here.
      if (!List.of(outcome.fieldNames()).contains(c.name())) {
        throw new IllegalStateException(
            "dropped column '" + c.name() + "' has no outcome column to project from");
      }
    }
    return outcome;
  }
}
