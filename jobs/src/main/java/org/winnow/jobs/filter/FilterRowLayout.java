package org.winnow.jobs.filter;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.winnow.core.schema.Column;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.filter.signals.SignalSchema;
import org.winnow.jobs.spark.SparkSchemas;

/**
 * Where each value sits in the filter stage's outcome rows. A row is the input document's own
 * columns (all of them, whatever earlier stages added, so no column is silently dropped), then
 * the signal columns, then the outcome columns. Signal columns already in the input, from an
 * earlier {@code winnow signals} run, are replaced rather than duplicated.
 */
final class FilterRowLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Every rule the document fails, in rule order. */
  static final String FAILED_RULES = "failed_rules";
  /** Characters that line cleaning removed. */
  static final String CHARS_REMOVED = "chars_removed";
  /** PII matches per redactor name. */
  static final String PII_MATCHES = "pii_matches";

  private final StructType base;
  private final StructType outcome;
  private final int[] inputIndex;
  private final int[] coreIndex;

  private FilterRowLayout(StructType input) {
    Set<String> replaced = new HashSet<>();
    SignalSchema.COLUMNS.forEach(c -> replaced.add(c.name()));
    List<StructField> kept = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    StructField[] fields = input.fields();
    for (int i = 0; i < fields.length; i++) {
      if (!replaced.contains(fields[i].name()) && !isOutcomeColumn(fields[i].name())) {
        kept.add(fields[i]);
        index.add(i);
      }
    }
    this.base = DataTypes.createStructType(kept);
    this.inputIndex = index.stream().mapToInt(Integer::intValue).toArray();
    this.coreIndex = new int[DocumentSchema.COLUMNS.size()];
    for (int c = 0; c < coreIndex.length; c++) {
      String name = DocumentSchema.COLUMNS.get(c).name();
      if (!List.of(base.fieldNames()).contains(name)) {
        throw new IllegalArgumentException("the input has no '" + name
            + "' column; the filter stage reads the document dataset that winnow ingest writes");
      }
      coreIndex[c] = base.fieldIndex(name);
      org.apache.spark.sql.types.DataType want =
          SparkSchemas.sparkType(DocumentSchema.COLUMNS.get(c).type());
      org.apache.spark.sql.types.DataType got = base.fields()[coreIndex[c]].dataType();
      if (!got.equals(want)) {
        throw new IllegalArgumentException("the input's '" + name + "' column is "
            + got.simpleString() + ", the document dataset's is " + want.simpleString());
      }
    }
    List<StructField> all = new ArrayList<>(List.of(base.fields()));
    for (Column c : SignalSchema.COLUMNS) {
      all.add(DataTypes.createStructField(c.name(), SparkSchemas.sparkType(c.type()), true));
    }
    all.add(DataTypes.createStructField(SparkSchemas.STAGE, DataTypes.StringType, false));
    all.add(DataTypes.createStructField(SparkSchemas.FATE, DataTypes.StringType, false));
    all.add(DataTypes.createStructField(SparkSchemas.REASON, DataTypes.StringType, true));
    all.add(DataTypes.createStructField(SparkSchemas.DETAIL, DataTypes.StringType, true));
    all.add(DataTypes.createStructField(SparkSchemas.MODIFICATIONS,
        DataTypes.createArrayType(DataTypes.StringType, false), false));
    all.add(DataTypes.createStructField(FAILED_RULES,
        DataTypes.createArrayType(DataTypes.StringType, false), false));
    all.add(DataTypes.createStructField(CHARS_REMOVED, DataTypes.LongType, false));
    all.add(DataTypes.createStructField(PII_MATCHES,
        DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false), false));
    this.outcome = DataTypes.createStructType(all);
  }

  static FilterRowLayout of(StructType input) {
    return new FilterRowLayout(input);
  }

  private static boolean isOutcomeColumn(String name) {
    return List.of(SparkSchemas.STAGE, SparkSchemas.FATE, SparkSchemas.REASON,
        SparkSchemas.DETAIL, SparkSchemas.MODIFICATIONS, FAILED_RULES, CHARS_REMOVED,
        PII_MATCHES).contains(name);
  }

  /** The outcome rows' schema. */
  StructType outcome() {
    return outcome;
  }

  /** The kept documents' columns: the input's, then the signals. */
  org.apache.spark.sql.Column[] documentColumns() {
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    for (String name : base.fieldNames()) {
      cols.add(org.apache.spark.sql.functions.col(name));
    }
    for (Column c : SignalSchema.COLUMNS) {
      cols.add(org.apache.spark.sql.functions.col(c.name()));
    }
    return cols.toArray(org.apache.spark.sql.Column[]::new);
  }

  /** Number of input columns carried through. */
  int baseWidth() {
    return base.size();
  }

  /** Position in the outcome row of the first signal column. */
  int signalsAt() {
    return base.size();
  }

  /** Position in the outcome row of the first outcome column ({@code stage}). */
  int outcomeAt() {
    return base.size() + SignalSchema.COLUMNS.size();
  }

  /** Position of the text column among the carried input columns. */
  int textAt() {
    return coreIndex[DocumentSchema.COLUMNS.indexOf(DocumentSchema.TEXT)];
  }

  /** The carried input values of {@code row}, in output order. */
  Object[] baseValues(org.apache.spark.sql.Row row) {
    Object[] v = new Object[inputIndex.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = row.get(inputIndex[i]);
    }
    return v;
  }

  /** The core document values among {@code baseValues}, in {@link DocumentSchema#COLUMNS} order. */
  Object[] coreValues(Object[] baseValues) {
    Object[] v = new Object[coreIndex.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = baseValues[coreIndex[i]];
    }
    return v;
  }
}
