package org.winnow.jobs.filter;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.winnow.core.schema.Column;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.filter.signals.SignalSchema;
import org.winnow.jobs.spark.SparkSchemas;

/**
 * Where each value sits in the filter stage's kept rows. A row is the input document's own
 * columns (all of them, whatever earlier stages added, so no column is silently dropped), then
 * the signal columns. Signal columns already in the input, from an earlier {@code winnow signals}
 * run, are replaced rather than duplicated.
 */
final class FilterRowLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StructType kept;
  private final StructType keptAsBytes;
  private final int baseWidth;
  private final int[] inputIndex;
  private final int[] coreIndex;

  private FilterRowLayout(StructType input) {
    Set<String> replaced = new HashSet<>();
    SignalSchema.COLUMNS.forEach(c -> replaced.add(c.name()));
    List<StructField> base = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    StructField[] fields = input.fields();
    for (int i = 0; i < fields.length; i++) {
      if (!replaced.contains(fields[i].name())) {
        base.add(fields[i]);
        index.add(i);
      }
    }
    this.baseWidth = base.size();
    this.inputIndex = index.stream().mapToInt(Integer::intValue).toArray();
    List<String> names = base.stream().map(StructField::name).toList();
    this.coreIndex = new int[DocumentSchema.COLUMNS.size()];
    for (int c = 0; c < coreIndex.length; c++) {
      String name = DocumentSchema.COLUMNS.get(c).name();
      coreIndex[c] = names.indexOf(name);
      if (coreIndex[c] < 0) {
        throw new IllegalArgumentException("the input has no '" + name
            + "' column; the filter stage reads the document dataset that winnow ingest writes");
      }
      DataType want = SparkSchemas.sparkType(DocumentSchema.COLUMNS.get(c).type());
      DataType got = base.get(coreIndex[c]).dataType();
      if (!got.equals(want)) {
        throw new IllegalArgumentException("the input's '" + name + "' column is "
            + got.simpleString() + ", the document dataset's is " + want.simpleString());
      }
    }
    List<StructField> all = new ArrayList<>(base);
    for (Column c : SignalSchema.COLUMNS) {
      all.add(DataTypes.createStructField(c.name(), SparkSchemas.sparkType(c.type()), true));
    }
    this.kept = DataTypes.createStructType(all);
    int text = coreIndex[DocumentSchema.COLUMNS.indexOf(DocumentSchema.TEXT)];
    StructField[] asBytes = kept.fields().clone();
    asBytes[text] = new StructField(asBytes[text].name(), DataTypes.BinaryType,
        asBytes[text].nullable(), asBytes[text].metadata());
    this.keptAsBytes = DataTypes.createStructType(asBytes);
  }

  static FilterRowLayout of(StructType input) {
    return new FilterRowLayout(input);
  }

  /** The kept documents' schema: the input's columns, then the signals. */
  StructType kept() {
    return kept;
  }

  /**
   * {@link #kept()} with the text as its UTF-8 bytes (binary): the rows the filter task reads and
   * hands on, so that a text it keeps unchanged is never decoded back or encoded again by Spark.
   */
  StructType keptAsBytes() {
    return keptAsBytes;
  }

  /** Position in the kept row of the first signal column. */
  int signalsAt() {
    return baseWidth;
  }

  /** Position of a core document column among the carried input columns. */
  int at(Column core) {
    return coreIndex[DocumentSchema.COLUMNS.indexOf(core)];
  }

  /**
   * A kept row's values with the carried input values of {@code row} filled in, in output
   * order, and room for the signals after them.
   */
  Object[] keptValues(org.apache.spark.sql.Row row) {
    Object[] v = new Object[kept.size()];
    for (int i = 0; i < baseWidth; i++) {
      v[i] = row.get(inputIndex[i]);
    }
    return v;
  }

  /** The carried input values of {@code row}, in output order. */
  Object[] baseValues(org.apache.spark.sql.Row row) {
    Object[] v = new Object[baseWidth];
    for (int i = 0; i < v.length; i++) {
      v[i] = row.get(inputIndex[i]);
    }
    return v;
  }

  /**
   * The core document values among {@code values} (carried input values first, as
   * {@link #baseValues} or {@link #keptValues} give them), in {@link DocumentSchema#COLUMNS} order.
   */
  Object[] coreValues(Object[] values) {
    Object[] v = new Object[coreIndex.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = values[coreIndex[i]];
    }
    return v;
  }
}
