package org.winnow.jobs.decontam;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.winnow.core.schema.Column;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.jobs.spark.SparkSchemas;

/**
 * Where each value sits in the decontaminate stage's rows. A kept row is the input's own columns
 * (all of them, whatever earlier stages added), then {@code contamination_ngrams} and
 * {@code contamination_source}; those two, when the input already has them from an earlier run,
 * are replaced rather than duplicated. The input needs {@code id} and {@code text}; the lineage
 * columns a removed document's side row carries ({@code url}, {@code warc_file},
 * {@code warc_offset}) are taken where the input has them.
 */
final class DecontaminateRowLayout implements Serializable {
  @Serial private static final long serialVersionUID = 1L;
  private static final int ABSENT = -1;

  private final StructType kept;
  private final int[] inputIndex;
  private final int id;
  private final int text;
  private final int url;
  private final int warcFile;
  private final int warcOffset;

  private DecontaminateRowLayout(StructType input) {
    List<StructField> base = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    StructField[] fields = input.fields();
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i].name();
      if (!name.equals(DecontaminateJob.NGRAMS) && !name.equals(DecontaminateJob.SOURCE)) {
        base.add(fields[i]);
        index.add(i);
      }
    }
    this.inputIndex = index.stream().mapToInt(Integer::intValue).toArray();
    this.id = column(input, DocumentSchema.ID, true);
    this.text = column(input, DocumentSchema.TEXT, true);
    this.url = column(input, DocumentSchema.URL, false);
    this.warcFile = column(input, DocumentSchema.WARC_FILE, false);
    this.warcOffset = column(input, DocumentSchema.WARC_OFFSET, false);
    base.add(DataTypes.createStructField(DecontaminateJob.NGRAMS, DataTypes.IntegerType, false));
    base.add(DataTypes.createStructField(DecontaminateJob.SOURCE, DataTypes.StringType, false));
    this.kept = DataTypes.createStructType(base);
  }

  /**
   * The layout of rows of {@code input}.
   *
   * @throws IllegalArgumentException naming the column when the input lacks {@code id} or
   *     {@code text}, or holds a document column of the wrong type
   */
  static DecontaminateRowLayout of(StructType input) {
    return new DecontaminateRowLayout(input);
  }

  private static int column(StructType input, Column c, boolean required) {
    int at = Arrays.asList(input.fieldNames()).indexOf(c.name());
    if (at < 0) {
      if (required) {
        throw new IllegalArgumentException("the input has no '" + c.name() + "' column; the "
            + "decontaminate stage reads the document dataset that winnow ingest writes");
      }
      return ABSENT;
    }
    DataType want = SparkSchemas.sparkType(c.type());
    DataType got = input.fields()[at].dataType();
    if (!got.equals(want)) {
      throw new IllegalArgumentException("the input's '" + c.name() + "' column is "
          + got.simpleString() + ", the document dataset's is " + want.simpleString());
    }
    return at;
  }

  /** The kept rows' schema: the input's columns, then the two contamination columns. */
  StructType kept() {
    return kept;
  }

  /** {@code input}'s values as a kept row, with its matched shingles and their top source. */
  Object[] keptValues(Row input, int ngrams, String source) {
    Object[] v = new Object[inputIndex.length + 2];
    for (int i = 0; i < inputIndex.length; i++) {
      v[i] = input.get(inputIndex[i]);
    }
    v[inputIndex.length] = ngrams;
    v[inputIndex.length + 1] = source;
    return v;
  }

  String text(Row input) {
    return input.getString(text);
  }

  String id(Row input) {
    return input.getString(id);
  }

  String url(Row input) {
    return url == ABSENT ? null : input.getString(url);
  }

  String warcFile(Row input) {
    return warcFile == ABSENT ? null : input.getString(warcFile);
  }

  /** The WARC record's offset, or -1 where the input has none. */
  long warcOffset(Row input) {
    return warcOffset == ABSENT || input.isNullAt(warcOffset) ? -1 : input.getLong(warcOffset);
  }
}
