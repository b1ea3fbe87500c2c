package org.winnow.jobs.decontam;

import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.winnow.dedup.decontam.NgramIndex;
import org.winnow.dedup.decontam.Overlap;

/** The Spark function from a training text to its overlap with the broadcast n-gram index. */
final class OverlapFunction implements UDF1<String, Row> {
  private static final long serialVersionUID = 1L;
  static final String MATCHED = "matched";
  static final String BY_SOURCE = "by_source";
  static final String TOP = "top_source";
  static final StructType TYPE = DataTypes.createStructType(new StructField[] {
    DataTypes.createStructField(MATCHED, DataTypes.IntegerType, false),
    DataTypes.createStructField(BY_SOURCE,
        DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false), false),
    DataTypes.createStructField(TOP, DataTypes.StringType, false)
  });

  private final Broadcast<NgramIndex> index;

  OverlapFunction(Broadcast<NgramIndex> index) {
    this.index = index;
  }

  @Override
  public Row call(String text) {
    // A null text shares nothing; the stage that owns the row decides what else it means.
    Overlap o = text == null ? Overlap.NONE : index.value().overlap(text);
    Map<String, Integer> bySource = o.matchedBySource();
    return RowFactory.create(o.matched(), bySource, o.topSource());
  }
}
