package org.winnow.jobs.decontam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.testing.TestSpark;

/** Held-out decontamination for the tokenize job: 13-gram overlap, the decontaminate index. */
class HeldoutNgramOverlapTest {
  private static final StructType DOCS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("id", DataTypes.StringType, false),
      DataTypes.createStructField("text", DataTypes.StringType, true)));

  private static final String HELD = "The committee decided to hold a public hearing in the "
      + "spring so that residents can send written comments by post before the end of March.";

  @Test
  void removesTrainDocumentsSharingAThirteenWordShingle() {
    try (SessionLease lease = TestSpark.start()) {
      SparkSession spark = lease.session();
      Dataset<Row> heldout = spark.createDataFrame(List.of(
          RowFactory.create("h1", HELD), RowFactory.create("h2", null)), DOCS);
      // 13 words in a row from HELD, differently cased and punctuated: a leak.
      String copy = "Unrelated opening. THE COMMITTEE DECIDED TO HOLD A PUBLIC HEARING IN THE "
          + "SPRING, SO THAT nobody wrote back.";
      // 12 words in a row from HELD, then something else: below the shingle length.
      String near = "The committee decided to hold a public hearing in the spring so nobody "
          + "came at all.";
      Dataset<Row> train = spark.createDataFrame(List.of(
          RowFactory.create("t-copy", copy), RowFactory.create("t-near", near),
          RowFactory.create("t-other", "Fishing quotas for the Baltic were set for next year."),
          RowFactory.create("t-null", null)), DOCS);
      Set<String> ids = new HashSet<>();
      for (Row r : new HeldoutNgramOverlap(13, 1).contaminated(train, heldout).collectAsList()) {
        ids.add(r.getString(0));
      }
      assertEquals(Set.of("t-copy"), ids);
      assertEquals(Set.of(), new HashSet<>(new HeldoutNgramOverlap(13, 2)
          .contaminated(train, heldout).collectAsList()));
    }
  }

  @Test
  void rejectsMeaninglessSettings() {
    assertThrows(IllegalArgumentException.class, () -> new HeldoutNgramOverlap(1, 1));
    assertThrows(IllegalArgumentException.class, () -> new HeldoutNgramOverlap(13, 0));
  }
}
