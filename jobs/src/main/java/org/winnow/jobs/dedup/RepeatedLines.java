package org.winnow.jobs.dedup;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.winnow.dedup.lines.LineRemoval;
import scala.collection.Iterator;

/** The Spark function that removes a document's repeated lines, given their fingerprints. */
final class RepeatedLines implements UDF2<String, scala.collection.Seq<Object>, Row> {
  private static final long serialVersionUID = 1L;
  static final String TEXT = "text";
  static final String REMOVED_CHARS = "removed_chars";
  static final StructType TYPE = DataTypes.createStructType(new StructField[] {
    DataTypes.createStructField(TEXT, DataTypes.StringType, false),
    DataTypes.createStructField(REMOVED_CHARS, DataTypes.LongType, false)
  });

  @Override
  public Row call(String text, scala.collection.Seq<Object> fingerprints) {
    if (fingerprints == null || fingerprints.isEmpty()) {
      return RowFactory.create(text, 0L);
    }
    LongOpenHashSet repeated = new LongOpenHashSet(fingerprints.size());
    for (Iterator<Object> it = fingerprints.iterator(); it.hasNext(); ) {
      repeated.add(((Number) it.next()).longValue());
    }
    LineRemoval r = LineRemoval.apply(text, repeated);
    return RowFactory.create(r.text(), r.removedChars());
  }
}
