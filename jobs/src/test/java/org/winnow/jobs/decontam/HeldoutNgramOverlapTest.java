package org.winnow.jobs.decontam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.testing.TestSpark;
import org.winnow.jobs.tokenize.ContaminationTest;

/** Held-out decontamination for the tokenize job: 13-gram overlap, the decontaminate index. */
class HeldoutNgramOverlapTest {
  private static final StructType DOCS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("id", DataTypes.StringType, false),
      DataTypes.createStructField("text", DataTypes.StringType, false)));

  private static final String HELD = "The committee decided to hold a public hearing in the "
      + "spring so that residents can send written comments by post before the end of March.";

  @Test
  void findsTrainTextsSharingAThirteenWordShingle() throws Exception {
    try (SessionLease lease = TestSpark.start()) {
      SparkSession spark = lease.session();
      Dataset<Row> heldout = spark.createDataFrame(List.of(RowFactory.create("h1", HELD)), DOCS);
      // 13 words in a row from HELD, differently cased and punctuated: a leak.
      String copy = "Unrelated opening. THE COMMITTEE DECIDED TO HOLD A PUBLIC HEARING IN THE "
          + "SPRING, SO THAT nobody wrote back.";
      // 12 words in a row from HELD, then something else: below the shingle length.
      String near = "The committee decided to hold a public hearing in the spring so nobody "
          + "came at all.";
      String other = "Fishing quotas for the Baltic were set for next year.";

      // The tasks get the test through a broadcast: it must survive serialisation.
      ContaminationTest one = roundTrip(new HeldoutNgramOverlap(13, 1).prepare(heldout));
      assertEquals(Optional.of("shares at least 1 13-word shingle with held-out documents"),
          one.overlap(copy));
      assertEquals(Optional.empty(), one.overlap(near));
      assertEquals(Optional.empty(), one.overlap(other));
      assertEquals(Optional.empty(), one.overlap(""));

      ContaminationTest two = new HeldoutNgramOverlap(13, 2).prepare(heldout);
      assertEquals(Optional.empty(), two.overlap(copy));
      assertTrue(two.overlap(HELD).isPresent());
    }
  }

  private static ContaminationTest roundTrip(ContaminationTest t) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(t);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ContaminationTest) in.readObject();
    }
  }

  @Test
  void rejectsMeaninglessSettings() {
    assertThrows(IllegalArgumentException.class, () -> new HeldoutNgramOverlap(1, 1));
    assertThrows(IllegalArgumentException.class, () -> new HeldoutNgramOverlap(13, 0));
  }
}
